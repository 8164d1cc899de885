using Quartz;

namespace Ledger.Worker.Jobs;

/// <summary>
/// A job of the worker: its name (the job key), the class that sends its command, when it runs
/// (a Quartz cron expression in UTC), what to do about a firing missed while no worker ran, and
/// its wall-clock budget. <paramref name="AllowConcurrentRuns"/>: firings may run while an
/// earlier one still runs (on another node), for a job whose command claims its work with
/// <c>SKIP LOCKED</c> so that simultaneous runs share it (ADR 0022); every other job runs once
/// at a time in the whole cluster.
/// </summary>
public sealed record JobDefinition(
    string Name,
    Type JobType,
    string Cron,
    CronTriggerMisfireInstruction Misfire,
    TimeSpan Timeout,
    string Description,
    bool AllowConcurrentRuns = false
);
