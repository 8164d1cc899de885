using AwesomeAssertions;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Monetary;
using static Ledger.Domain.UnitTests.Expenses.ExpenseGenerators;

namespace Ledger.Domain.UnitTests.Balances;

public sealed class BalanceEffectTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);
    private static readonly GroupId Group = GroupId.New();
    private static readonly UserId Ana = Member(0);
    private static readonly UserId Ben = Member(1);
    private static readonly UserId Cem = Member(2);
    private static readonly HashSet<UserId> Flat = [Ana, Ben, Cem];

    private static ExpenseDetails Dinner(decimal total, string currency = "EUR") =>
        new(
            "Dinner",
            ExpenseCategory.Dining,
            Money.Of(total, currency),
            new DateOnly(2026, 3, 1),
            [new MemberAmount(Ana, Money.Of(total, currency))],
            new EqualSplit([Ana, Ben, Cem])
        );

    private static Expense Create(ExpenseDetails details) =>
        Expense.Create(Group, details, Actor.User(Ana), Flat, Now);

    [Test]
    public void Should_credit_what_was_paid_and_debit_what_is_owed()
    {
        var effect = BalanceEffect.Of(Create(Dinner(10m)));

        effect
            .Lines.Should()
            .Equal(
                new MemberNet(Ana, "EUR", 1000 - 334),
                new MemberNet(Ben, "EUR", -333),
                new MemberNet(Cem, "EUR", -333)
            );
    }

    [Test]
    public void Should_have_no_effect_once_voided()
    {
        var expense = Create(Dinner(10m));
        var before = BalanceEffect.Of(expense);

        expense.Void(Actor.User(Ana), "Wrong group", Now);

        BalanceEffect.Of(expense).IsNone.Should().BeTrue();
        BalanceEffect
            .Change(before, BalanceEffect.Of(expense))
            .Should()
            .BeEquivalentTo(before.Inverse());
    }

    [Test]
    public void Should_move_balances_by_the_difference_when_an_expense_changes_currency()
    {
        var expense = Create(Dinner(10m));
        var before = BalanceEffect.Of(expense);

        expense.Update(Dinner(300m, "JPY"), Flat, Now);
        var change = BalanceEffect.Change(before, BalanceEffect.Of(expense));

        change.Lines.Where(l => l.Currency == "EUR").Should().Equal(before.Inverse().Lines);
        change
            .Lines.Where(l => l.Currency == "JPY")
            .Select(l => l.NetMinorUnits)
            .Should()
            .Equal(200, -100, -100);
    }

    [Test]
    public void Should_update_stored_balances_and_return_the_ones_it_created()
    {
        var stored = new List<MemberBalance> { new(Group, Ben, "EUR") };
        stored[0].Add(500);

        var created = BalanceEffect.Of(Create(Dinner(10m))).ApplyTo(Group, stored);

        stored[0].NetMinorUnits.Should().Be(500 - 333);
        created
            .Select(b => (b.UserId, b.Currency, b.NetMinorUnits))
            .Should()
            .Equal((Ana, "EUR", 666L), (Cem, "EUR", -333L));
        created.Should().OnlyContain(b => b.GroupId == Group);
    }

    [Test]
    public void Should_add_up_a_history()
    {
        var expenses = new[] { Create(Dinner(10m)), Create(Dinner(3m)), Create(Dinner(5m)) };
        expenses[2].Void(Actor.User(Ana), "Duplicate", Now);

        var total = BalanceEffect.Of(expenses);

        total
            .Lines.Should()
            .Equal(
                new MemberNet(Ana, "EUR", 1300 - 334 - 100),
                new MemberNet(Ben, "EUR", -333 - 100),
                new MemberNet(Cem, "EUR", -333 - 100)
            );
    }
}
