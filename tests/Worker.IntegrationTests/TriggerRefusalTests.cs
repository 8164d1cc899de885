using AwesomeAssertions;
using Ledger.Application.Operations;
using Ledger.Infrastructure.Scheduling;
using Ledger.TestSupport;
using Quartz;

namespace Ledger.Worker.IntegrationTests;

/// <summary>
/// The queue-depth check of the ops API's "trigger now": refused while a run of the job is
/// queued or running anywhere in the cluster. Uses its own database, where the only job is a
/// test job that a node of this test process runs and holds until told to finish.
/// </summary>
public sealed class TriggerRefusalTests
{
    private const string JobName = "test-held-job";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private WorkerTesting _testing = null!;

    [OneTimeSetUp]
    public async Task CreateAsync() =>
        _testing = await WorkerTesting.CreateAsync(
            "worker_refusal",
            quartz =>
            {
                quartz.ConfigureScheduler(s => s.IdleWaitTime = TimeSpan.FromSeconds(1));
                quartz.AddJobType<HeldJob>();
            }
        );

    [OneTimeTearDown]
    public async Task DisposeAsync() => await _testing.DisposeAsync();

    [SetUp]
    public async Task StoreTheJobAsync()
    {
        HeldJob.Reset();
        var scheduler = await _testing.SchedulerAsync();
        // Deleting the job deletes its triggers: no run queued by an earlier test is left.
        await scheduler.DeleteJob(LedgerScheduling.JobKeyOf(JobName));
        await scheduler.AddJob(
            JobBuilder
                .Create()
                .OfType<HeldJob>()
                .WithIdentity(LedgerScheduling.JobKeyOf(JobName))
                .StoreDurably(true)
                .Build(),
            AddJobOptions.Replacing
        );
    }

    [TearDown]
    public async Task StandByAsync()
    {
        HeldJob.Release();
        var scheduler = await _testing.SchedulerAsync();
        if (scheduler.Status == SchedulerStatus.Running)
        {
            await scheduler.Standby();
        }
    }

    [Test]
    public async Task Should_refuse_a_second_run_while_the_first_is_queued()
    {
        var first = await _testing.Ops.TriggerNowAsync(JobName, default);
        var second = await _testing.Ops.TriggerNowAsync(JobName, default);

        first.Should().Be(TriggerOutcome.Queued);
        second.Should().Be(TriggerOutcome.AlreadyQueuedOrRunning);
        (await _testing.Ops.ListAsync(default))
            .Single(j => j.Name == JobName)
            .Queued.Should()
            .BeTrue();
    }

    [Test]
    public async Task Should_refuse_a_run_while_one_is_running_and_accept_one_after_it_finished()
    {
        var scheduler = await _testing.SchedulerAsync();
        await scheduler.Start();
        (await _testing.Ops.TriggerNowAsync(JobName, default)).Should().Be(TriggerOutcome.Queued);
        (await HeldJob.Started.Task.WaitAsync(Wait)).Should().BeTrue();

        var whileRunning = await _testing.Ops.TriggerNowAsync(JobName, default);
        var listed = (await _testing.Ops.ListAsync(default)).Single(j => j.Name == JobName);
        HeldJob.Release();
        var finished = await Eventually.HoldsAsync(
            async () =>
                !(await _testing.Ops.ListAsync(default)).Single(j => j.Name == JobName).Running,
            Wait
        );
        await scheduler.Standby();
        var afterwards = await _testing.Ops.TriggerNowAsync(JobName, default);

        whileRunning.Should().Be(TriggerOutcome.AlreadyQueuedOrRunning);
        listed.Running.Should().BeTrue();
        finished.Should().BeTrue();
        afterwards.Should().Be(TriggerOutcome.Queued);
    }

    [Test]
    public async Task Should_answer_not_found_for_a_job_that_is_not_scheduled()
    {
        var outcome = await _testing.Ops.TriggerNowAsync("no-such-job", default);

        outcome.Should().Be(TriggerOutcome.NotFound);
        (await _testing.Ops.PauseAsync("no-such-job", default)).Should().BeFalse();
    }

    [Test]
    public async Task Should_pause_and_resume_a_job()
    {
        var scheduler = await _testing.SchedulerAsync();
        await scheduler.ScheduleTrigger(
            TriggerBuilder
                .Create()
                .WithIdentity(LedgerScheduling.ScheduleTriggerOf(JobName))
                .ForJob(LedgerScheduling.JobKeyOf(JobName))
                .WithCronSchedule("0 0 4 * * ?")
                .Build(),
            TriggerConflict.Replace
        );

        (await _testing.Ops.PauseAsync(JobName, default)).Should().BeTrue();
        var paused = (await _testing.Ops.ListAsync(default)).Single(j => j.Name == JobName);
        (await _testing.Ops.ResumeAsync(JobName, default)).Should().BeTrue();
        var resumed = (await _testing.Ops.ListAsync(default)).Single(j => j.Name == JobName);

        paused.Paused.Should().BeTrue();
        paused.Schedule.Should().Be("0 0 4 * * ?");
        resumed.Paused.Should().BeFalse();
        resumed.NextFireTime.Should().NotBeNull();
    }

    /// <summary>A job that reports it started and then holds until the test releases it.</summary>
    public sealed class HeldJob : IJob
    {
        private static TaskCompletionSource _release = new(
            TaskCreationOptions.RunContinuationsAsynchronously
        );

        public static TaskCompletionSource<bool> Started { get; private set; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static void Reset()
        {
            Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public static void Release() => _release.TrySetResult();

        public async ValueTask Execute(
            IJobExecutionContext context,
            CancellationToken cancellationToken
        )
        {
            Started.TrySetResult(true);
            await _release.Task.WaitAsync(cancellationToken);
        }
    }
}
