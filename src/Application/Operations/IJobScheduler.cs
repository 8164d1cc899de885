namespace Ledger.Application.Operations;

/// <summary>
/// The worker cluster's schedule as the ops API sees it. The API process never runs jobs: it
/// reads and changes the shared, clustered schedule, and a worker node fires what it finds.
/// </summary>
public interface IJobScheduler
{
    Task<IReadOnlyList<ScheduledJob>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Queues one run of the job now, unless a run of it is already queued or running
    /// anywhere in the cluster (the queue-depth check).
    /// </summary>
    Task<TriggerOutcome> TriggerNowAsync(string jobName, CancellationToken cancellationToken);

    /// <summary>False when no such job exists.</summary>
    Task<bool> PauseAsync(string jobName, CancellationToken cancellationToken);

    /// <summary>False when no such job exists.</summary>
    Task<bool> ResumeAsync(string jobName, CancellationToken cancellationToken);
}

public enum TriggerOutcome
{
    Queued,
    AlreadyQueuedOrRunning,
    NotFound,
}

/// <summary>One job of the schedule with its recurring trigger's state.</summary>
public sealed record ScheduledJob(
    string Name,
    string? Description,
    string? Schedule,
    bool Paused,
    bool Queued,
    bool Running,
    DateTimeOffset? PreviousFireTime,
    DateTimeOffset? NextFireTime
);
