using AwesomeAssertions;
using Ledger.Application.Balances.Queries.CheckBalanceConsistency;
using Ledger.Application.Expenses;
using Ledger.Application.RecurringExpenses;
using Ledger.Application.RecurringExpenses.Commands.CreateRecurringExpense;
using Ledger.Domain.Expenses;
using Ledger.Domain.Recurrence;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Worker.IntegrationTests;

/// <summary>
/// R2: two worker processes on one database; the one generating a few thousand recurring
/// expense occurrences is killed (SIGKILL, as <c>kill -9</c>) half-way. The survivor takes
/// over, and in the end every occurrence exists exactly once and no balance drifted.
/// </summary>
public sealed class RecurringGenerationCrashTests
{
    private const int Templates = 8;
    private const int DaysBack = 499;
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string> EverySecond = new()
    {
        ["Worker__Schedules__generate-recurring-expenses"] = "0/1 * * * * ?",
    };

    private WorkerTesting _testing = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() =>
        _testing = await WorkerTesting.CreateAsync("worker-recurring");

    [OneTimeTearDown]
    public async Task DisposeAsync() => await _testing.DisposeAsync();

    [Test]
    public async Task Should_record_every_occurrence_exactly_once_when_a_worker_is_killed_mid_generation()
    {
        await using var app = new LedgerApplication(_testing.Database.ConnectionString);
        var (group, everyone) = await app.CreateGroupAsync(members: 2);
        var owner = everyone[0];
        var start = new GroupCalendar("Europe/Berlin")
            .Today(DateTimeOffset.UtcNow)
            .AddDays(-DaysBack);
        for (var i = 0; i < Templates; i++)
        {
            var payer = everyone[i % everyone.Length];
            var total = $"{10 + i}.01";
            await app.SendAsync(
                new CreateRecurringExpense(
                    group,
                    Pii.Text("subscription"),
                    ExpenseCategory.Utilities,
                    "EUR",
                    total,
                    [new MemberAmountInput(payer.Value, total)],
                    new SplitInput(SplitType.Equal, everyone.Select(m => m.Value).ToArray()),
                    new RecurrenceInput(RecurrenceFrequency.Daily, 1, start)
                ),
                owner
            );
        }

        await using var first = WorkerProcess.Start(
            _testing.Database.ConnectionString,
            EverySecond
        );
        var midway = await Eventually.HoldsAsync(
            async () => await CountOccurrencesAsync(app) > 0,
            Boot
        );
        await first.KillAsync();
        var atKill = await CountOccurrencesAsync(app);
        await using var survivor = WorkerProcess.Start(
            _testing.Database.ConnectionString,
            EverySecond
        );
        var today = new GroupCalendar("Europe/Berlin").Today(DateTimeOffset.UtcNow);
        var expected = Templates * (today.DayNumber - start.DayNumber + 1);
        var done = await Eventually.HoldsAsync(
            async () => await CountOccurrencesAsync(app) >= expected,
            TimeSpan.FromMinutes(3)
        );

        midway.Should().BeTrue();
        atKill.Should().BeInRange(1, expected - 1, "the first worker was killed mid-generation");
        done.Should().BeTrue();
        var perTemplate = await app.WithDbAsync(db =>
            db.RecurringExpenseOccurrences.AsNoTracking()
                .GroupBy(o => o.RecurringExpenseId)
                .Select(g => new
                {
                    Count = g.Count(),
                    Distinct = g.Select(o => o.OccurrenceDate).Distinct().Count(),
                })
                .ToListAsync()
        );
        perTemplate.Should().HaveCount(Templates);
        perTemplate
            .Should()
            .OnlyContain(t => t.Count == expected / Templates && t.Distinct == t.Count);
        (await app.WithDbAsync(db => db.Expenses.CountAsync())).Should().Be(expected);
        var consistency = await app.SendAsync(new CheckBalanceConsistency(group), owner);
        consistency.IsConsistent.Should().BeTrue();
        consistency.Drifts.Should().BeEmpty();
    }

    private static Task<int> CountOccurrencesAsync(LedgerApplication app) =>
        app.WithDbAsync(db => db.RecurringExpenseOccurrences.CountAsync());
}
