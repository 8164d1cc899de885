using Quartz;

namespace Ledger.Worker.Jobs;

/// <summary>
/// A job of the worker: its name (the job key), the class that sends its command, when it runs
/// (a Quartz cron expression in UTC), what to do about a firing missed while no worker ran, and
/// its wall-clock budget.
/// </summary>
public sealed record JobDefinition(
    string Name,
    Type JobType,
    string Cron,
    CronTriggerMisfireInstruction Misfire,
    TimeSpan Timeout,
    string Description
);
