using AwesomeAssertions;
using Ledger.Application.RecurringExpenses.Commands.GenerateRecurringExpenses;
using Ledger.Domain.Common;
using Ledger.Domain.Operations;
using Ledger.Domain.Recurrence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ledger.Worker.IntegrationTests;

/// <summary>
/// Jobs as a worker process runs them, one process shared by every test of the class (it boots
/// once): the two purges delete what is past its retention and nothing else, and a job that
/// exceeds its wall-clock budget is cancelled, recorded as timed out, and keeps exactly the
/// batches it committed (each batch is one transaction; the one in flight is rolled back).
/// Every schedule of the jobs tested here is moved out of the way; the tests queue runs as an
/// admin would.
/// </summary>
public sealed class WorkerJobTests
{
    private const string Generate = "generate-recurring-expenses";
    private const string Never = "0 0 0 1 1 ? 2099";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The generation budget of this worker (<c>Worker:Timeouts</c>; the shipped one is 5 minutes):
    /// long enough for the first batch of occurrences on a loaded machine, short enough for the
    /// test.
    /// </summary>
    private static readonly TimeSpan GenerationBudget = TimeSpan.FromSeconds(8);

    private WorkerTesting _testing = null!;
    private WorkerProcess _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _testing = await WorkerTesting.CreateAsync("worker-jobs");
        _worker = WorkerProcess.Start(
            _testing.Database.ConnectionString,
            new Dictionary<string, string>
            {
                ["Worker__IdleWait"] = "00:00:01",
                [$"Worker__Timeouts__{Generate}"] = GenerationBudget.ToString(),
                [$"Worker__Schedules__{Generate}"] = Never,
                ["Worker__Schedules__purge-idempotency-keys"] = Never,
                ["Worker__Schedules__purge-job-runs"] = Never,
            }
        );
        await _worker.WaitForOutputAsync("Application started", Wait);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _worker.DisposeAsync();
        await _testing.DisposeAsync();
    }

    [SetUp]
    public Task ResetAsync() => _testing.Database.ResetAsync();

    [Test]
    public async Task Should_purge_idempotency_keys_past_their_expiry_and_keep_the_others()
    {
        await ExecuteAsync(
            """
            INSERT INTO idempotency_keys (caller, key, request_hash, response_json, created_at, expires_at)
            SELECT 'user:' || n, 'key-' || n, repeat('a', 64), '{}', now() - interval '2 days',
                   CASE WHEN n <= 3 THEN now() - interval '1 hour' ELSE now() + interval '1 hour' END
            FROM generate_series(1, 5) AS n
            """
        );

        var run = await RunNowAsync("purge-idempotency-keys");

        run.Status.Should().Be(JobRunStatus.Succeeded);
        run.Result.Should().Be("Purged 3 expired idempotency keys.");
        (await ScalarAsync("SELECT string_agg(key, ',' ORDER BY key) FROM idempotency_keys"))
            .Should()
            .Be("key-4,key-5");
    }

    [Test]
    public async Task Should_purge_finished_job_runs_past_their_retention_and_keep_the_others()
    {
        // Retention is 30 days: two finished runs past it go; a recent one and a run that
        // never finished (its node died) stay.
        await ExecuteAsync(
            """
            INSERT INTO job_runs (id, job_name, trigger_name, node, started_at, timeout, finished_at, status)
            VALUES
              (gen_random_uuid(), 'check-storage', 'old-1', 'n', now() - interval '40 days', interval '1 minute', now() - interval '40 days', 'Succeeded'),
              (gen_random_uuid(), 'check-storage', 'old-2', 'n', now() - interval '31 days', interval '1 minute', now() - interval '31 days', 'Failed'),
              (gen_random_uuid(), 'check-storage', 'recent', 'n', now() - interval '29 days', interval '1 minute', now() - interval '29 days', 'Succeeded'),
              (gen_random_uuid(), 'check-storage', 'unfinished', 'n', now() - interval '40 days', interval '1 minute', NULL, 'Running')
            """
        );

        var run = await RunNowAsync("purge-job-runs");

        run.Status.Should().Be(JobRunStatus.Succeeded);
        run.Result.Should().Be("Purged 2 job run records.");
        (
            await ScalarAsync(
                "SELECT string_agg(trigger_name, ',' ORDER BY trigger_name) FROM job_runs WHERE job_name = 'check-storage'"
            )
        )
            .Should()
            .Be("recent,unfinished");
    }

    [Test]
    public async Task Should_cancel_a_job_past_its_budget_record_it_timed_out_and_keep_only_committed_batches()
    {
        await using var app = new LedgerApplication(_testing.Database.ConnectionString);
        var today = new GroupCalendar("Europe/Berlin").Today(DateTimeOffset.UtcNow);
        // One batch and 50 more occurrences: the first batch records its maximum and commits;
        // the second takes the other 50 and the held group's, and waits for the held group's
        // lock until the budget ends.
        const int Batch = GenerateRecurringExpenses.DefaultMaxOccurrences;
        var (flat, flatmates) = await app.CreateGroupAsync(members: 1);
        await app.CreateDailyRecurringAsync(flat, flatmates, 1, today.AddDays(-(Batch + 49)));
        var (held, heldMembers) = await app.CreateGroupAsync(members: 0);
        await app.CreateDailyRecurringAsync(held, heldMembers, 1, today.AddDays(-10));
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

        var run = await RunNowAsync(Generate);
        await hold.RollbackAsync();

        run.Status.Should().Be(JobRunStatus.TimedOut);
        run.Error.Should().Be("Cancelled after its time budget.");
        run.Timeout.Should().Be(GenerationBudget);
        run.Duration!.Value.Should().BeGreaterThanOrEqualTo(GenerationBudget);
        var occurrences = await app.WithDbAsync(db =>
            db.RecurringExpenseOccurrences.AsNoTracking()
                .GroupBy(o => o.GroupId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count)
        );
        occurrences.Should().Equal(new Dictionary<GroupId, int> { [flat] = Batch });
        (await app.WithDbAsync(db => db.Expenses.CountAsync())).Should().Be(Batch);
        _worker.HasExited.Should().BeFalse();
    }

    /// <summary>Queues a run of the job as an admin would and waits for its outcome.</summary>
    private async Task<JobRun> RunNowAsync(string job)
    {
        var queued = await _testing.Ops.TriggerNowAsync(job, default);
        queued.Should().Be(Application.Operations.TriggerOutcome.Queued);
        return await _testing.FinishedRunAsync(job, r => r.TriggerName == $"manual.{job}", Wait);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
