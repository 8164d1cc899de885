using Quartz;

namespace Ledger.Worker.Jobs;

/// <summary>
/// A job of the worker: its name (the job key), the class that sends its command, when it runs
/// (a Quartz cron expression in UTC), what to do about a firing missed while no worker ran, and
/// its wall-clock budget. <paramref name="AllowConcurrentRuns"/>: firings may run while an
/// earlier one still runs (on another node), for a job whose command claims its work with
/// <c>SKIP LOCKED</c> so that simultaneous runs share it (ADR 0022); every other job runs once
/// at a time in the whole cluster. <paramref name="RegisterType"/> tells the scheduler to build
/// the job class from the container (see <see cref="Of{TJob}"/>).
/// </summary>
public sealed record JobDefinition(
    string Name,
    Type JobType,
    Action<IQuartzBuilder> RegisterType,
    string Cron,
    CronTriggerMisfireInstruction Misfire,
    TimeSpan Timeout,
    string Description,
    bool AllowConcurrentRuns = false
)
{
    /// <summary>A job run by the class <typeparamref name="TJob"/>.</summary>
    public static JobDefinition Of<TJob>(
        string name,
        string cron,
        CronTriggerMisfireInstruction misfire,
        TimeSpan timeout,
        string description,
        bool allowConcurrentRuns = false
    )
        where TJob : class, IJob =>
        new(
            name,
            typeof(TJob),
            quartz => quartz.AddJobType<TJob>(),
            cron,
            misfire,
            timeout,
            description,
            allowConcurrentRuns
        );
}
