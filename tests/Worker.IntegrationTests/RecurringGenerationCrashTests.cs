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
/// R2: two worker processes run at the same time on one database; the one generating a few
/// thousand recurring expense occurrences is killed (SIGKILL, as <c>kill -9</c>) half-way: after
/// it committed most batches, while its current batch waits on a lock the test holds (so the
/// kill lands in the middle of a transaction, however fast the machine). The other process,
/// running all along, finds the dead node through the cluster check-in, recovers its firing and
/// finishes the work without a restart; every occurrence exists exactly once and no balance
/// drifted. The processes check in every second and count a node dead after two more
/// (<c>Worker:ClusterCheckinInterval</c>, <c>Worker:ClusterCheckinMisfireThreshold</c>; Quartz'
/// defaults are 7.5 s each): the test proves that recovery happens, not how soon by default.
/// </summary>
public sealed class RecurringGenerationCrashTests
{
    private const int Templates = 5;
    private const int DaysBack = 399;
    private const int HeldDaysBack = 100;
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string> EverySecond = new()
    {
        ["Worker__Schedules__generate-recurring-expenses"] = "0/1 * * * * ?",
        ["Worker__IdleWait"] = "00:00:01",
        ["Worker__ClusterCheckinInterval"] = "00:00:01",
        ["Worker__ClusterCheckinMisfireThreshold"] = "00:00:02",
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
        await app.CreateDailyRecurringAsync(flat, flatmates, Templates, today.AddDays(-DaysBack));
        // A second group whose occurrences start later: the worker reaches them after it has
        // committed most of the first group's, and waits there for the test's lock on the group.
        var (held, heldMembers) = await app.CreateGroupAsync(members: 1);
        await app.CreateDailyRecurringAsync(held, heldMembers, 2, today.AddDays(-HeldDaysBack));
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

        // Both nodes run from the start; the firing goes to whichever acquires it first.
        var workers = new Dictionary<string, WorkerProcess>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            foreach (var name in new[] { "ledger-worker-a", "ledger-worker-b" })
            {
                workers[name] = WorkerProcess.Start(
                    $"{_testing.Database.ConnectionString};Application Name={name}",
                    EverySecond
                );
            }

            string? generating = null;
            var blocked = await Eventually.HoldsAsync(
                async () => (generating = await NodeWaitingOnLockAsync(app)) is not null,
                Boot
            );
            blocked.Should().BeTrue("a worker's batch should reach the held group");
            await TestContext.Progress.WriteLineAsync(
                $"R2: {generating} blocked at {clock.Elapsed}"
            );
            var killed = workers[generating!];
            var survivor = workers.Single(w => w.Key != generating).Value;
            await killed.KillAsync();
            var atKill = await CountOccurrencesAsync(app);
            await hold.RollbackAsync();
            await AssertEveryOccurrenceOnceAsync(app, flat, flatmates, held, heldMembers, atKill);
            await TestContext.Progress.WriteLineAsync($"R2: survivor done at {clock.Elapsed}");
            survivor.HasExited.Should().BeFalse("the survivor finished the work without a restart");
        }
        finally
        {
            foreach (var worker in workers.Values)
            {
                await worker.DisposeAsync();
            }
        }
    }

    private static async Task AssertEveryOccurrenceOnceAsync(
        LedgerApplication app,
        GroupId flat,
        UserId[] flatmates,
        GroupId held,
        UserId[] heldMembers,
        int atKill
    )
    {
        var perFlatTemplate = DaysBack + 1;
        var perHeldTemplate = HeldDaysBack + 1;
        var expected = Templates * perFlatTemplate + 2 * perHeldTemplate;
        var done = await Eventually.HoldsAsync(
            async () => await CountOccurrencesAsync(app) >= expected,
            TimeSpan.FromMinutes(3)
        );

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

    /// <summary>The worker (by its connections' application name) whose generation waits for the test's lock on a group.</summary>
    private static Task<string?> NodeWaitingOnLockAsync(LedgerApplication app) =>
        app.WithDbAsync(db =>
            db.Database.SqlQuery<string>(
                    $"""
                    SELECT application_name AS "Value" FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock'
                    AND query LIKE '%FOR KEY SHARE%' AND application_name LIKE 'ledger-worker-%'
                    """
                )
                .FirstOrDefaultAsync()
        );

    private static Task<int> CountOccurrencesAsync(LedgerApplication app) =>
        app.WithDbAsync(db => db.RecurringExpenseOccurrences.CountAsync());
}
