using AwesomeAssertions;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Monetary;
using Ledger.Domain.Recurrence;

namespace Ledger.Domain.UnitTests.Recurrence;

public sealed class RecurringExpenseTests
{
    private static readonly UserId Ana = UserId.New();
    private static readonly UserId Ben = UserId.New();
    private static readonly HashSet<UserId> Members = [Ana, Ben];
    private static readonly GroupCalendar Berlin = new("Europe/Berlin");
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private static ExpenseDetails Template(SplitRule? split = null) =>
        new(
            "Rent",
            ExpenseCategory.Rent,
            Money.Parse("900.00", "EUR"),
            default,
            [new MemberAmount(Ana, Money.Parse("900.00", "EUR"))],
            split ?? new EqualSplit([Ben, Ana])
        );

    private static RecurringExpense Create(RecurrenceRule rule, SplitRule? split = null) =>
        RecurringExpense.Create(
            GroupId.New(),
            Template(split),
            rule,
            Actor.User(Ana),
            Members,
            Berlin,
            Now
        );

    [Test]
    public void Should_generate_month_ends_and_be_due_at_the_groups_local_midnight()
    {
        var rent = Create(
            RecurrenceRule.Create(RecurrenceFrequency.Monthly, 1, new DateOnly(2026, 1, 31))
        );

        foreach (var date in rent.DueOccurrences(new DateOnly(2026, 4, 30), 10))
        {
            rent.Generated(date, Berlin, Now);
        }

        rent.LastOccurrenceDate.Should().Be(new DateOnly(2026, 4, 30));
        rent.GeneratedCount.Should().Be(4);
        rent.NextOccurrenceDate.Should().Be(new DateOnly(2026, 5, 31));
        // Berlin is on summer time (UTC+2) on 31 May.
        rent.NextDueAt.Should().Be(new DateTimeOffset(2026, 5, 30, 22, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public void Should_make_each_occurrence_a_normal_expense_of_its_date_by_the_creator()
    {
        var rent = Create(
            RecurrenceRule.Create(RecurrenceFrequency.Monthly, 1, new DateOnly(2026, 1, 31)),
            new ExactSplit([
                new MemberAmount(Ben, Money.Parse("600.00", "EUR")),
                new MemberAmount(Ana, Money.Parse("300.00", "EUR")),
            ])
        );

        var expense = rent.CreateOccurrence(new DateOnly(2026, 2, 28), Members, Now);

        expense.Date.Should().Be(new DateOnly(2026, 2, 28));
        expense.CreatedBy.Should().Be(Actor.User(Ana));
        expense
            .Splits.Select(s => (s.UserId, s.OwedMinorUnits))
            .Should()
            .Equal((Ben, 60000L), (Ana, 30000L));
    }

    [Test]
    public void Should_end_by_itself_when_the_rule_runs_out()
    {
        var twice = Create(
            RecurrenceRule.Create(
                RecurrenceFrequency.Daily,
                1,
                new DateOnly(2026, 1, 1),
                maxOccurrences: 2
            )
        );

        foreach (var date in twice.DueOccurrences(new DateOnly(2026, 1, 31), 10))
        {
            twice.Generated(date, Berlin, Now);
        }

        twice.Status.Should().Be(RecurringExpenseStatus.Ended);
        (twice.GeneratedCount, twice.NextDueAt).Should().Be((2, (DateTimeOffset?)null));
    }

    [Test]
    public void Should_refuse_a_template_that_is_not_a_valid_expense_and_recording_an_occurrence_twice()
    {
        var stranger = () =>
            Create(
                RecurrenceRule.Create(RecurrenceFrequency.Daily, 1, new DateOnly(2026, 1, 1)),
                new EqualSplit([Ana, UserId.New()])
            );
        var generatedTwice = () =>
        {
            var daily = Create(
                RecurrenceRule.Create(RecurrenceFrequency.Daily, 1, new DateOnly(2026, 1, 1))
            );
            daily.Generated(new DateOnly(2026, 1, 1), Berlin, Now);
            daily.Generated(new DateOnly(2026, 1, 1), Berlin, Now);
        };

        stranger
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("expense.not-member");
        generatedTwice
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("recurring-expense.generated");
    }
}
