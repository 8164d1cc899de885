using AwesomeAssertions;
using Ledger.Domain.Operations;
using Ledger.Infrastructure.Scheduling;
using Ledger.TestSupport;
using Npgsql;

namespace Ledger.Worker.IntegrationTests;

/// <summary>
/// The worker as operators run it: separate processes against real PostgreSQL, forming a Quartz
/// cluster through the shared store.
/// </summary>
public sealed class WorkerHostTests
{
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(60);
    private WorkerTesting _testing = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _testing = await WorkerTesting.CreateAsync("worker");

    [OneTimeTearDown]
    public async Task DisposeAsync() => await _testing.DisposeAsync();

    [SetUp]
    public Task ResetAsync() => _testing.Database.ResetAsync();

    [Test]
    public async Task Should_start_as_a_separate_process_and_shut_down_gracefully()
    {
        await using var worker = WorkerProcess.Start(_testing.Database.ConnectionString);

        await worker.WaitForOutputAsync("Application started", Boot);
        await worker.StopAsync(TimeSpan.FromSeconds(50));

        worker.HasExited.Should().BeTrue();
        worker.ExitCode.Should().Be(0);
        worker
            .Output.Should()
            .Contain(line =>
                line.Contains("Application is shutting down", StringComparison.Ordinal)
            );
    }

    [Test]
    public async Task Should_fire_a_scheduled_job_from_the_clustered_store_and_record_its_outcome()
    {
        await using var worker = WorkerProcess.Start(
            _testing.Database.ConnectionString,
            new Dictionary<string, string>
            {
                ["Worker__Schedules__check-storage"] = "0/2 * * * * ?",
            }
        );

        var run = await _testing.FinishedRunAsync(
            "check-storage",
            r => r.TriggerName == "schedule.check-storage",
            Boot
        );

        run.Status.Should().Be(JobRunStatus.Succeeded);
        run.Result.Should().StartWith("Database uses");
        run.Node.Should().NotBeNullOrEmpty();
        run.FinishedAt.Should().BeOnOrAfter(run.StartedAt);
    }

    [Test]
    public async Task Should_run_a_job_an_admin_queued_on_a_worker_node()
    {
        await using var worker = WorkerProcess.Start(_testing.Database.ConnectionString);
        await worker.WaitForOutputAsync("Application started", Boot);

        var outcome = await _testing.Ops.TriggerNowAsync("purge-expired-invites", default);

        outcome.Should().Be(Application.Operations.TriggerOutcome.Queued);
        var run = await _testing.FinishedRunAsync(
            "purge-expired-invites",
            r => r.TriggerName == "manual.purge-expired-invites",
            Boot
        );
        run.Status.Should().Be(JobRunStatus.Succeeded);
        run.Result.Should().Be("Purged 0 expired invites.");
    }

    [Test]
    public async Task Should_store_each_schedule_once_when_two_workers_boot_together()
    {
        // No node runs now: forget the check-ins of the processes earlier tests stopped.
        await CountAsync(
            $"WITH gone AS (DELETE FROM {QuartzSchema.TablePrefix}scheduler_state RETURNING 1) SELECT count(*) FROM gone"
        );
        await using var first = WorkerProcess.Start(_testing.Database.ConnectionString);
        await using var second = WorkerProcess.Start(_testing.Database.ConnectionString);
        await Task.WhenAll(
            first.WaitForOutputAsync("Application started", Boot),
            second.WaitForOutputAsync("Application started", Boot)
        );

        // Each node checks in once its scheduler has started, just after the host has.
        var twoNodes = await Eventually.HoldsAsync(
            async () =>
                await CountAsync(
                    $"SELECT count(*) FROM {QuartzSchema.TablePrefix}scheduler_state WHERE sched_name = 'Ledger'"
                ) == 2,
            Boot
        );
        var jobs = await _testing.Ops.ListAsync(default);
        var scheduleTriggers = await CountAsync(
            $"SELECT count(*) FROM {QuartzSchema.TablePrefix}triggers WHERE trigger_group = 'schedule'"
        );

        jobs.Select(j => j.Name).Should().BeEquivalentTo(Jobs.LedgerJobs.All.Select(j => j.Name));
        jobs.Should().OnlyContain(j => j.Schedule != null && j.NextFireTime != null);
        scheduleTriggers.Should().Be(Jobs.LedgerJobs.All.Count);
        twoNodes.Should().BeTrue();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
