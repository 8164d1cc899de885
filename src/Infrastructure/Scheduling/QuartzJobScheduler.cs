using Ledger.Application.Operations;
using Quartz;

namespace Ledger.Infrastructure.Scheduling;

/// <summary>
/// <see cref="IJobScheduler"/> over the clustered store. Works on a scheduler that is never
/// started: every call reads or writes the shared tables, and a worker node fires the result.
/// </summary>
internal sealed class QuartzJobScheduler(ISchedulerFactory factory) : IJobScheduler
{
    public async Task<IReadOnlyList<ScheduledJob>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var jobs = await scheduler.QueryJobs(
            new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(LedgerScheduling.JobGroup) },
            cancellationToken
        );
        var schedules = await scheduler.QueryTriggers(
            new TriggerQuery
            {
                Group = GroupMatcher<TriggerKey>.GroupEquals(LedgerScheduling.ScheduleGroup),
            },
            cancellationToken
        );
        var manual = await scheduler.QueryTriggers(
            new TriggerQuery
            {
                Group = GroupMatcher<TriggerKey>.GroupEquals(LedgerScheduling.ManualGroup),
            },
            cancellationToken
        );
        var running = await RunningJobsAsync(scheduler, job: null, cancellationToken);

        var result = new List<ScheduledJob>(jobs.Items.Count);
        foreach (var job in jobs.Items)
        {
            var schedule = schedules.Items.FirstOrDefault(t => t.JobKey.Equals(job.Key));
            var cron = schedule is null
                ? null
                : (
                    await scheduler.GetTrigger(schedule.Key, cancellationToken) as ICronTrigger
                )?.CronExpressionString;
            result.Add(
                new ScheduledJob(
                    job.Key.Name,
                    job.Description,
                    cron,
                    Paused: schedule?.State == TriggerState.Paused,
                    Queued: manual.Items.Any(t =>
                        t.JobKey.Equals(job.Key) && t.NextFireTimeUtc is not null
                    ),
                    Running: running.Contains(job.Key),
                    schedule?.PreviousFireTimeUtc,
                    schedule?.NextFireTimeUtc
                )
            );
        }

        return result;
    }

    public async Task<TriggerOutcome> TriggerNowAsync(
        string jobName,
        CancellationToken cancellationToken
    )
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var jobKey = LedgerScheduling.JobKeyOf(jobName);
        if (!await scheduler.Exists(jobKey, cancellationToken))
        {
            return TriggerOutcome.NotFound;
        }

        if ((await RunningJobsAsync(scheduler, jobKey, cancellationToken)).Count > 0)
        {
            return TriggerOutcome.AlreadyQueuedOrRunning;
        }

        // One fixed key per job: of two admins queueing at once, the store keeps exactly one
        // trigger and tells the other it already existed.
        var trigger = TriggerBuilder
            .Create()
            .WithIdentity(LedgerScheduling.ManualTriggerOf(jobName))
            .ForJob(jobKey)
            .WithDescription("Queued by an admin through the ops API.")
            .StartNow()
            .WithSimpleSchedule(s =>
                s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)
            )
            .Build();
        var scheduled = await scheduler.ScheduleTrigger(
            trigger,
            TriggerConflict.Keep,
            cancellationToken
        );
        return scheduled.Outcome == ScheduleOutcome.Kept
            ? TriggerOutcome.AlreadyQueuedOrRunning
            : TriggerOutcome.Queued;
    }

    public async Task<bool> PauseAsync(string jobName, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        return await scheduler.PauseJob(LedgerScheduling.JobKeyOf(jobName), cancellationToken);
    }

    public async Task<bool> ResumeAsync(string jobName, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        return await scheduler.ResumeJob(LedgerScheduling.JobKeyOf(jobName), cancellationToken);
    }

    /// <summary>Jobs executing on any node of the cluster (a firing is a durable row).</summary>
    private static async Task<HashSet<JobKey>> RunningJobsAsync(
        IScheduler scheduler,
        JobKey? job,
        CancellationToken cancellationToken
    )
    {
        var firings = await scheduler.QueryFireInstances(
            new FireInstanceQuery { Job = job, State = FireInstanceState.Executing },
            cancellationToken
        );
        return firings.Items.Where(f => f.JobKey is not null).Select(f => f.JobKey!).ToHashSet();
    }
}
