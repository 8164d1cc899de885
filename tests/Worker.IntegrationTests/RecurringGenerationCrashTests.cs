using AwesomeAssertions;
using Ledger.Application.Balances.Queries.CheckBalanceConsistency;
using Ledger.Application.RecurringExpenses.Commands.GenerateRecurringExpenses;
using Ledger.Domain.Common;
using Ledger.Domain.Recurrence;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ledger.Worker.IntegrationTests;

/// <summary>
/// R2 at its full pass condition (issue 18): two worker processes generate at the same time
/// over a few thousand due templates (seeded by bulk SQL), and one of them is killed with
/// SIGKILL (as <c>kill -9</c>) in the middle of a batch: its transaction has claimed its
/// templates and waits on a lock the test holds on one group, so the kill lands mid-transaction
/// however fast the machine. While it waits, the other process must go on generating
/// everything else (simultaneous runs, claims that skip locked templates); after the kill the
/// survivor, running all along, records the dead node's batch. Every template then has each of
/// its occurrences exactly once, and every group's stored balances equal the recomputation from
/// its history. The processes fire the job every second and check in every second, counting a
/// node dead after two more (Quartz' defaults are 7.5 s each).
/// </summary>
public sealed class RecurringGenerationCrashTests
{
    /// <summary>Templates in the main group, seeded as copies of one; each records two occurrences.</summary>
    private const int Templates = 2400;

    private const int DaysBack = 1;
    private const int PerTemplate = DaysBack + 1;

    /// <summary>
    /// The most templates one batch claims: the dead node's batch holds at most these (and
    /// their occurrences) out of the other node's reach.
    /// </summary>
    private const int Claimed = GenerateRecurringExpenses.DefaultMaxOccurrences;

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
    public async Task Should_record_every_occurrence_exactly_once_when_two_workers_generate_at_once_and_one_is_killed()
    {
        await using var app = new LedgerApplication(_testing.Database.ConnectionString);
        var today = new GroupCalendar("Europe/Berlin").Today(DateTimeOffset.UtcNow);
        // The held group first: its id sorts first, like its lock in the dead node's batch.
        var (held, heldMembers) = await app.CreateGroupAsync(members: 1);
        await app.CreateDailyRecurringAsync(held, heldMembers, 1, today.AddDays(-DaysBack));
        var (flat, flatmates) = await app.CreateGroupAsync(members: 2);
        await app.CreateDailyRecurringAsync(flat, flatmates, 1, today.AddDays(-DaysBack));
        await SeedCopiesAsync(flat, Templates - 1);
        // A little under half of the main group's templates are claimed before the held
        // group's, the rest after: the batch that reaches it comes in the middle of the work.
        await ExecuteAsync(
            """
            UPDATE recurring_expenses SET next_due_at = next_due_at - interval '1 hour'
            WHERE id < '70000000-0000-0000-0000-000000000000' AND group_id <> @held
            """,
            ("held", held.Value)
        );
        const int Expected = (Templates + 1) * PerTemplate;
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
            // Simultaneous generation: while that batch holds its claimed templates, the other
            // node records everything outside it (with one run at a time in the cluster, or
            // claims that wait for locked templates, this stays below).
            var others = await Eventually.HoldsAsync(
                async () => await CountOccurrencesAsync(app) >= Expected - Claimed * PerTemplate,
                Boot
            );
            var atKill = await CountOccurrencesAsync(app);
            await TestContext.Progress.WriteLineAsync(
                $"R2: {generating} blocked; {atKill} of {Expected} recorded at {clock.Elapsed}"
            );
            others.Should().BeTrue("the other worker generates while the first one is blocked");
            (await NodeWaitingOnLockAsync(app)).Should().Be(generating, "it is still mid-batch");
            var killed = workers[generating!];
            var survivor = workers.Single(w => w.Key != generating).Value;
            await killed.KillAsync();
            await hold.RollbackAsync();

            atKill.Should().BeLessThan(Expected, "the killed worker's batch was not committed");
            var done = await Eventually.HoldsAsync(
                async () => await CountOccurrencesAsync(app) >= Expected,
                TimeSpan.FromMinutes(2)
            );
            await TestContext.Progress.WriteLineAsync($"R2: survivor done at {clock.Elapsed}");
            done.Should().BeTrue("the survivor records the dead node's batch");
            survivor.HasExited.Should().BeFalse("the survivor finished the work without a restart");
            await AssertEveryOccurrenceOnceAsync(app, Expected);
            foreach (var (group, owner) in new[] { (flat, flatmates[0]), (held, heldMembers[0]) })
            {
                var consistency = await app.SendAsync(new CheckBalanceConsistency(group), owner);
                consistency.IsConsistent.Should().BeTrue();
                consistency.Drifts.Should().BeEmpty();
            }
        }
        finally
        {
            foreach (var worker in workers.Values)
            {
                await worker.DisposeAsync();
            }
        }
    }

    private static async Task AssertEveryOccurrenceOnceAsync(LedgerApplication app, int expected)
    {
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
        perTemplate
            .Should()
            .HaveCount(Templates + 1)
            .And.AllSatisfy(t =>
            {
                t.Count.Should().Be(PerTemplate);
                t.Distinct.Should().Be(PerTemplate);
            });
        (await app.WithDbAsync(db => db.Expenses.CountAsync())).Should().Be(expected);
        var miscounted = await app.WithDbAsync(db =>
            db.RecurringExpenses.CountAsync(r => r.GeneratedCount != PerTemplate)
        );
        miscounted.Should().Be(0, "every template counts the occurrences it recorded");
    }

    /// <summary>
    /// Copies of the group's one template, by bulk SQL (creating thousands through the use case
    /// would take longer than the test): same content and schedule, new ids.
    /// </summary>
    private async Task SeedCopiesAsync(GroupId group, int copies)
    {
        await using var connection = new NpgsqlConnection(_testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var columns = new NpgsqlCommand(
            """
            SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'recurring_expenses'
            AND column_name <> 'id'
            """,
            connection
        );
        var list = (string)(await columns.ExecuteScalarAsync())!;
        await using var copy = new NpgsqlCommand(
            $"""
            INSERT INTO recurring_expenses (id, {list})
            SELECT gen_random_uuid(), {list}
            FROM recurring_expenses CROSS JOIN generate_series(1, @copies)
            WHERE group_id = @group
            """,
            connection
        );
        copy.Parameters.AddWithValue("copies", copies);
        copy.Parameters.AddWithValue("group", group.Value);
        (await copy.ExecuteNonQueryAsync()).Should().Be(copies);
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(_testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
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
