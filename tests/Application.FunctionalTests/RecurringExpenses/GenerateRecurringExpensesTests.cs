using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Expenses;
using Ledger.Application.RecurringExpenses;
using Ledger.Application.RecurringExpenses.Commands.GenerateRecurringExpenses;
using Ledger.Application.RecurringExpenses.Commands.PauseRecurringExpense;
using Ledger.Application.RecurringExpenses.Commands.ResumeRecurringExpense;
using Ledger.Application.RecurringExpenses.Queries.GetRecurringExpense;
using Ledger.Domain.Common;
using Ledger.Domain.Recurrence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.RecurringExpenses.RecurringScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.RecurringExpenses;

public sealed class GenerateRecurringExpensesTests : Expenses.ExpenseTest
{
    [Test]
    public async Task Should_fall_on_the_last_day_of_shorter_months_and_return_to_the_31st()
    {
        var flat = await CreateFlatAsync();
        var rent = await SendAsync(
            Monthly(flat.Group, flat.Ana, flat.Everyone, new DateOnly(2025, 1, 31)),
            flat.Ana
        );

        await GenerateAllAsync();

        var dates = await OccurrenceDatesAsync(rent.Id);
        dates
            .Take(6)
            .Should()
            .Equal(
                new DateOnly(2025, 1, 31),
                new DateOnly(2025, 2, 28),
                new DateOnly(2025, 3, 31),
                new DateOnly(2025, 4, 30),
                new DateOnly(2025, 5, 31),
                new DateOnly(2025, 6, 30)
            );
        dates.Should().OnlyHaveUniqueItems().And.HaveCount(MonthsThrough(2025, 1, 31));
    }

    [Test]
    public async Task Should_catch_up_missed_periods_in_bounded_batches_each_committed()
    {
        var flat = await CreateFlatAsync();
        var today = TodayInBerlin();
        var daily = await SendAsync(
            Recurring(
                flat.Group,
                flat.Ana,
                flat.Everyone,
                new RecurrenceInput(RecurrenceFrequency.Daily, 1, today.AddDays(-29)),
                "3.00"
            ),
            flat.Ana
        );

        var first = await SendAsSystemAsync(new GenerateRecurringExpenses(10, 12));
        var countAfterFirst = await CountAsync<Domain.Expenses.Expense>();
        var batches = await GenerateAllAsync(new GenerateRecurringExpenses(10, 12));

        first.Next.Should().NotBeNull();
        countAfterFirst.Should().Be(12);
        batches.Should().Be(2);
        var dates = await OccurrenceDatesAsync(daily.Id);
        dates.Should().HaveCount(30).And.OnlyHaveUniqueItems();
        (dates[0], dates[^1]).Should().Be((today.AddDays(-29), today));
        var after = await SendAsync(
            new GetRecurringExpense(flat.Group, RecurringExpenseId.From(daily.Id)),
            flat.Ben
        );
        (after.GeneratedCount, after.NextOccurrenceDate).Should().Be((30, today.AddDays(1)));
        (await BalancesAsync(flat.Group, flat.Ana))["EUR"][flat.Ana].Should().Be("60.00");
    }

    [Test]
    public async Task Should_record_each_occurrence_exactly_once_when_retried_or_run_at_once()
    {
        var flat = await CreateFlatAsync();
        var start = TodayInBerlin().AddDays(-40);
        var daily = await SendAsync(
            Recurring(
                flat.Group,
                flat.Ana,
                flat.Everyone,
                new RecurrenceInput(RecurrenceFrequency.Daily, 1, start),
                "3.00"
            ),
            flat.Ana
        );
        var weekly = await SendAsync(
            Recurring(
                flat.Group,
                flat.Ben,
                flat.Everyone,
                new RecurrenceInput(
                    RecurrenceFrequency.Weekly,
                    1,
                    start,
                    [DayOfWeek.Monday, DayOfWeek.Thursday]
                ),
                "6.00"
            ),
            flat.Ben
        );

        // Five workers at once, small batches, then the same command again (a retry).
        await Task.WhenAll(
            Enumerable
                .Range(0, 5)
                .Select(_ => GenerateAllAsync(new GenerateRecurringExpenses(1, 7)))
        );
        var retried = await SendAsSystemAsync(new GenerateRecurringExpenses());

        retried.Summary.Should().StartWith("Recorded 0 occurrences");
        var dailyDates = await OccurrenceDatesAsync(daily.Id);
        dailyDates.Should().HaveCount(41).And.OnlyHaveUniqueItems();
        var weeklyDates = await OccurrenceDatesAsync(weekly.Id);
        weeklyDates
            .Should()
            .OnlyHaveUniqueItems()
            .And.OnlyContain(d =>
                d.DayOfWeek == DayOfWeek.Monday || d.DayOfWeek == DayOfWeek.Thursday
            )
            .And.HaveCount(
                Enumerable
                    .Range(0, 41)
                    .Count(i =>
                        start.AddDays(i).DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday
                    )
            );
        (await CountAsync<Domain.Expenses.Expense>()).Should().Be(41 + weeklyDates.Count);
    }

    [Test]
    public async Task Should_refuse_a_second_expense_for_the_same_occurrence_in_the_database()
    {
        var flat = await CreateFlatAsync();
        var rent = await SendAsync(
            Monthly(flat.Group, flat.Ana, flat.Everyone, TodayInBerlin()),
            flat.Ana
        );
        await GenerateAllAsync();
        var occurrence = await WithDbAsync(db =>
            db.RecurringExpenseOccurrences.AsNoTracking().SingleAsync()
        );
        var otherExpense = await SendAsync(EqualExpense(flat, flat.Ana, "1.00"), flat.Ana);

        var duplicate = () =>
            WithDbAsync(db =>
            {
                db.RecurringExpenseOccurrences.Add(
                    new RecurringExpenseOccurrence(
                        flat.Group,
                        RecurringExpenseId.From(rent.Id),
                        occurrence.OccurrenceDate,
                        ExpenseId.From(otherExpense.Id),
                        Clock.GetUtcNow()
                    )
                );
                return db.SaveChangesAsync();
            });

        (await duplicate.Should().ThrowAsync<DbUpdateException>())
            .WithInnerException<PostgresException>()
            .Which.SqlState.Should()
            .Be(PostgresErrorCodes.UniqueViolation);
    }

    [Test]
    public async Task Should_record_a_day_when_it_starts_in_the_groups_zone_across_daylight_saving()
    {
        var flat = await CreateFlatAsync();
        // Berlin springs forward on 28 March 2027 (CET +1 → CEST +2).
        var daily = await SendAsync(
            Recurring(
                flat.Group,
                flat.Ana,
                flat.Everyone,
                new RecurrenceInput(RecurrenceFrequency.Daily, 1, new DateOnly(2027, 3, 27)),
                "3.00"
            ),
            flat.Ana
        );

        // 23:59 on 28 March in Berlin (CEST): the 29th has not begun.
        MoveClockTo(new DateTimeOffset(2027, 3, 28, 21, 59, 0, TimeSpan.Zero));
        await GenerateAllAsync();
        var beforeMidnight = await OccurrenceDatesAsync(daily.Id);
        // 00:00 on 29 March in Berlin is 22:00 UTC on the 28th, an hour earlier than a day before.
        MoveClockTo(new DateTimeOffset(2027, 3, 28, 22, 0, 0, TimeSpan.Zero));
        await GenerateAllAsync();
        var afterMidnight = await OccurrenceDatesAsync(daily.Id);

        beforeMidnight.Should().Equal(new DateOnly(2027, 3, 27), new DateOnly(2027, 3, 28));
        afterMidnight.Should().HaveCount(3).And.EndWith(new DateOnly(2027, 3, 29));
        var next = await WithDbAsync(db =>
            db.RecurringExpenses.AsNoTracking().Select(r => r.NextDueAt).SingleAsync()
        );
        next.Should().Be(new DateTimeOffset(2027, 3, 29, 22, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public async Task Should_skip_what_fell_due_while_paused()
    {
        var flat = await CreateFlatAsync();
        var today = TodayInBerlin();
        var daily = await SendAsync(
            Recurring(
                flat.Group,
                flat.Ana,
                flat.Everyone,
                new RecurrenceInput(RecurrenceFrequency.Daily, 1, today),
                "3.00"
            ),
            flat.Ana
        );
        await GenerateAllAsync();
        var paused = await SendAsync(
            new PauseRecurringExpense(flat.Group, RecurringExpenseId.From(daily.Id), daily.Version),
            flat.Ana
        );

        Clock.Advance(TimeSpan.FromDays(5));
        await GenerateAllAsync();
        var whilePaused = await OccurrenceDatesAsync(daily.Id);
        await SendAsync(
            new ResumeRecurringExpense(
                flat.Group,
                RecurringExpenseId.From(daily.Id),
                paused.Version
            ),
            flat.Ana
        );
        await GenerateAllAsync();

        whilePaused.Should().Equal(today);
        (await OccurrenceDatesAsync(daily.Id)).Should().Equal(today, TodayInBerlin());
    }

    [Test]
    public async Task Should_pause_a_template_whose_creator_lost_the_role_that_allowed_it_and_go_on_with_the_others()
    {
        var flat = await CreateFlatAsync();
        var start = TodayInBerlin().AddDays(-2);
        var rule = new RecurrenceInput(RecurrenceFrequency.Daily, 1, start);
        // Ana, as owner, recorded one that Ben pays; Ben recorded his own.
        var anasForBen = await SendAsync(
            Recurring(flat.Group, flat.Ben, flat.Everyone, rule, "3.00"),
            flat.Ana
        );
        var bensOwn = await SendAsync(
            Recurring(flat.Group, flat.Ben, flat.Everyone, rule, "6.00"),
            flat.Ben
        );
        await SendAsync(
            new Ledger.Application.Groups.Commands.TransferOwnership.TransferOwnership(
                flat.Group,
                flat.Cem
            ),
            flat.Ana
        );

        await GenerateAllAsync();

        var paused = await SendAsync(
            new GetRecurringExpense(flat.Group, RecurringExpenseId.From(anasForBen.Id)),
            flat.Ben
        );
        (paused.Status, paused.SuspendedReason)
            .Should()
            .Be(
                (RecurringExpenseStatus.Paused, GenerateRecurringExpensesHandler.CreatorNotAllowed)
            );
        (await OccurrenceDatesAsync(anasForBen.Id)).Should().BeEmpty();
        (await OccurrenceDatesAsync(bensOwn.Id)).Should().HaveCount(3);
    }

    [Test]
    public async Task Should_write_each_occurrence_as_an_expense_with_its_audit_event_and_outbox_event()
    {
        var flat = await CreateFlatAsync();
        var start = TodayInBerlin().AddDays(-2);
        var rule = new RecurrenceInput(RecurrenceFrequency.Daily, 1, start);
        await SendAsync(Recurring(flat.Group, flat.Ana, flat.Everyone, rule, "10.00"), flat.Ana);
        await SendAsync(Recurring(flat.Group, flat.Ben, flat.Everyone, rule, "7.01"), flat.Ben);
        var before = await WithDbAsync(db => db.OutboxMessages.CountAsync());

        await GenerateAllAsync();

        var expenses = await WithDbAsync(db =>
            db.RecurringExpenseOccurrences.AsNoTracking()
                .Join(
                    db.Expenses.Include(e => e.Payers).Include(e => e.Splits),
                    o => new { o.GroupId, Id = o.ExpenseId },
                    e => new { e.GroupId, e.Id },
                    (o, e) => e
                )
                .AsNoTracking()
                .ToListAsync()
        );
        expenses.Should().HaveCount(6);
        expenses
            .Should()
            .AllSatisfy(e =>
            {
                e.Version.Should().Be(1);
                new[] { flat.Ana, flat.Ben }.Should().Contain(e.CreatedBy.UserId!.Value);
                e.Payers.Sum(p => p.PaidMinorUnits).Should().Be(e.TotalMinorUnits);
                e.Splits.Should().HaveCount(3);
                e.Splits.Sum(s => s.OwedMinorUnits).Should().Be(e.TotalMinorUnits);
            });
        var ids = expenses.Select(e => e.Id.ToString()).ToList();
        var audit = await WithDbAsync(db =>
            db.AuditEvents.AsNoTracking().Where(a => a.Action == ExpenseAudit.Created).ToListAsync()
        );
        audit.Select(a => a.RecordId).Should().BeEquivalentTo(ids);
        audit
            .Should()
            .AllSatisfy(a =>
            {
                a.ActorClientId.Should().Be("ledger.worker");
                a.ActorUserId.Should().BeNull();
                a.GroupId.Should().Be(flat.Group);
                a.RecordType.Should().Be(ExpenseAudit.ExpenseRecord);
            });
        var outbox = await WithDbAsync(db =>
            db.OutboxMessages.AsNoTracking()
                .Where(m => m.Type == "expense.created")
                .OrderBy(m => m.Position)
                .ToListAsync()
        );
        (await WithDbAsync(db => db.OutboxMessages.CountAsync()))
            .Should()
            .Be(before + 6, "one event per occurrence, nothing else");
        outbox
            .Select(m =>
            {
                using var payload = System.Text.Json.JsonDocument.Parse(m.Payload);
                var root = payload.RootElement;
                m.GroupId.Should().Be(flat.Group);
                root.GetProperty("actor")
                    .GetProperty("clientId")
                    .GetString()
                    .Should()
                    .Be("ledger.worker");
                return root.GetProperty("expenseId").GetString();
            })
            .Should()
            .BeEquivalentTo(expenses.Select(e => e.Id.Value.ToString()));
    }

    [Test]
    public async Task Should_refuse_users()
    {
        var flat = await CreateFlatAsync();

        var act = () => SendAsync(new GenerateRecurringExpenses(), flat.Ana);

        await act.Should().ThrowAsync<ForbiddenException>();
    }

    private static void MoveClockTo(DateTimeOffset instant) =>
        Clock.Advance(instant - Clock.GetUtcNow());

    private static int MonthsThrough(int year, int month, int day)
    {
        var rule = RecurrenceRule.Create(
            RecurrenceFrequency.Monthly,
            1,
            new DateOnly(year, month, day)
        );
        return rule.Between(null, TodayInBerlin(), 10_000).Count;
    }
}
