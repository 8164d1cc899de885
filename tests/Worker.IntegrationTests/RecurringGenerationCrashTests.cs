using AwesomeAssertions;
using Ledger.Application.Balances.Queries.CheckBalanceConsistency;
using Ledger.Application.Expenses;
using Ledger.Application.RecurringExpenses;
using Ledger.Application.RecurringExpenses.Commands.CreateRecurringExpense;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Recurrence;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ledger.Worker.IntegrationTests;

/// <summary>
/// R2: two worker processes on one database; the one generating a few thousand recurring
/// expense occurrences is killed (SIGKILL, as <c>kill -9</c>) half-way: after it committed most
/// batches, while its current batch waits on a lock the test holds (so the kill lands in the
/// middle of a transaction, however fast the machine). The survivor takes over, and in the end
/// every occurrence exists exactly once and no balance drifted.
/// </summary>
public sealed class RecurringGenerationCrashTests
{
    private const int Templates = 8;
    private const int DaysBack = 499;
    private const int HeldDaysBack = 100;
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string> EverySecond = new()
    {
        ["Worker__Schedules__generate-recurring-expenses"] = "0/1 * * * * ?",
    };

    private WorkerTesting _testing = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() =>
        _testing = await WorkerTesting.CreateAsync("worker-recurring");

    [SetUp]
    public Task ResetAsync() => _testing.Database.ResetAsync();

    [OneTimeTearDown]
    public async Task DisposeAsync() => await _testing.DisposeAsync();

    [Test]
    public async Task Should_record_every_occurrence_exactly_once_when_a_worker_is_killed_mid_generation()
    {
        await using var app = new LedgerApplication(_testing.Database.ConnectionString);
        var today = new GroupCalendar("Europe/Berlin").Today(DateTimeOffset.UtcNow);
        var (flat, flatmates) = await app.CreateGroupAsync(members: 2);
        await CreateDailyAsync(app, flat, flatmates, Templates, today.AddDays(-DaysBack));
        // A second group whose occurrences start later: the worker reaches them after it has
        // committed most of the first group's, and waits there for the test's lock on the group.
        var (held, heldMembers) = await app.CreateGroupAsync(members: 1);
        await CreateDailyAsync(app, held, heldMembers, 2, today.AddDays(-HeldDaysBack));
        await using var holder = new NpgsqlConnection(_testing.Database.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (
            var lockGroup = new NpgsqlCommand(
                "SELECT 1 FROM groups WHERE id = @id FOR UPDATE",
                holder,
                hold
            )
        )
        {
            lockGroup.Parameters.AddWithValue("id", held.Value);
            await lockGroup.ExecuteNonQueryAsync();
        }

        await using var first = WorkerProcess.Start(
            _testing.Database.ConnectionString,
            EverySecond
        );
        var blocked = await Eventually.HoldsAsync(() => GenerationWaitsOnLockAsync(app), Boot);
        await first.KillAsync();
        var atKill = await CountOccurrencesAsync(app);
        await hold.RollbackAsync();
        await using var survivor = WorkerProcess.Start(
            _testing.Database.ConnectionString,
            EverySecond
        );
        today = new GroupCalendar("Europe/Berlin").Today(DateTimeOffset.UtcNow);
        var perFlatTemplate = DaysBack + 1;
        var perHeldTemplate = HeldDaysBack + 1;
        var expected = Templates * perFlatTemplate + 2 * perHeldTemplate;
        var done = await Eventually.HoldsAsync(
            async () => await CountOccurrencesAsync(app) >= expected,
            TimeSpan.FromMinutes(3)
        );

        blocked.Should().BeTrue();
        atKill.Should().BeInRange(1, expected - 1, "the first worker was killed mid-generation");
        done.Should().BeTrue();
        var perTemplate = await app.WithDbAsync(db =>
            db.RecurringExpenseOccurrences.AsNoTracking()
                .GroupBy(o => new { o.GroupId, o.RecurringExpenseId })
                .Select(g => new
                {
                    g.Key.GroupId,
                    Count = g.Count(),
                    Distinct = g.Select(o => o.OccurrenceDate).Distinct().Count(),
                })
                .ToListAsync()
        );
        perTemplate
            .Select(t => (t.GroupId == flat, t.Count, t.Distinct))
            .Should()
            .BeEquivalentTo(
                Enumerable
                    .Repeat((true, perFlatTemplate, perFlatTemplate), Templates)
                    .Concat(Enumerable.Repeat((false, perHeldTemplate, perHeldTemplate), 2))
            );
        (await app.WithDbAsync(db => db.Expenses.CountAsync())).Should().Be(expected);
        foreach (var (group, owner) in new[] { (flat, flatmates[0]), (held, heldMembers[0]) })
        {
            var consistency = await app.SendAsync(new CheckBalanceConsistency(group), owner);
            consistency.IsConsistent.Should().BeTrue();
            consistency.Drifts.Should().BeEmpty();
        }
    }

    private static async Task CreateDailyAsync(
        LedgerApplication app,
        GroupId group,
        UserId[] everyone,
        int count,
        DateOnly start
    )
    {
        for (var i = 0; i < count; i++)
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
                everyone[0]
            );
        }
    }

    /// <summary>Whether a worker's generation transaction waits for the test's lock on a group.</summary>
    private static Task<bool> GenerationWaitsOnLockAsync(LedgerApplication app) =>
        app.WithDbAsync(async db =>
            await db
                .Database.SqlQuery<int>(
                    $"""
                    SELECT count(*)::int AS "Value" FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock'
                    AND query LIKE '%FOR KEY SHARE%'
                    """
                )
                .SingleAsync() > 0
        );

    private static Task<int> CountOccurrencesAsync(LedgerApplication app) =>
        app.WithDbAsync(db => db.RecurringExpenseOccurrences.CountAsync());
}
