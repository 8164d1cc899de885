using Ledger.Infrastructure.Scheduling;
using Ledger.Worker.Jobs;
using Microsoft.Extensions.Options;
using Quartz;

namespace Ledger.Worker.Hosting;

/// <summary>
/// Puts every job and its recurring trigger into the clustered store before the scheduler
/// starts. Triggers have fixed identities and an existing one is kept, never replaced, so
/// nodes booting together store one trigger and fire nothing twice. Only a changed cron
/// expression reschedules the stored trigger (to its next occurrence, not now).
/// </summary>
public sealed partial class ScheduleRegistrar(
    ISchedulerFactory factory,
    IOptions<WorkerSettings> settings,
    ILogger<ScheduleRegistrar> logger
) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        foreach (var definition in LedgerJobs.All)
        {
            await RegisterAsync(scheduler, definition, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RegisterAsync(
        IScheduler scheduler,
        JobDefinition definition,
        CancellationToken cancellationToken
    )
    {
        var jobKey = LedgerScheduling.JobKeyOf(definition.Name);
        var job = JobBuilder
            .Create()
            .OfType(definition.JobType)
            .WithIdentity(jobKey)
            .WithDescription(definition.Description)
            .StoreDurably(true)
            // Once at a time in the cluster, except recurring generation, whose runs on
            // several nodes share the due templates through SKIP LOCKED claims (ADR 0022).
            .DisallowConcurrentExecution(!definition.AllowConcurrentRuns)
            // A node that dies mid-run leaves the firing to a survivor, which runs it again:
            // every command is idempotent.
            .RequestRecovery(true)
            .Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);

        var cron = settings.Value.Schedules.GetValueOrDefault(definition.Name, definition.Cron);
        var triggerKey = LedgerScheduling.ScheduleTriggerOf(definition.Name);
        var trigger = TriggerBuilder
            .Create()
            .WithIdentity(triggerKey)
            .ForJob(jobKey)
            .WithCronSchedule(
                cron,
                schedule =>
                    schedule.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(definition.Misfire)
            )
            .Build();

        var stored = await scheduler.GetTrigger(triggerKey, cancellationToken) as ICronTrigger;
        if (stored is not null && stored.CronExpressionString != cron)
        {
            LogRescheduled(definition.Name, cron);
            await scheduler.RescheduleJob(triggerKey, trigger, cancellationToken);
            return;
        }

        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rescheduled job {JobName} to {Cron}")]
    private partial void LogRescheduled(string jobName, string cron);
}
