using Ledger.Domain.Common;

namespace Ledger.Domain.Operations;

/// <summary>
/// One execution of a scheduled job as the worker saw it: which job, which trigger fired it,
/// on which node, when it started and finished, and how it ended. It holds ids, counts and
/// exception type names only, never personal data, so operators can read it freely.
/// </summary>
public sealed class JobRun
{
    public const int NameMaxLength = 100;
    public const int ResultMaxLength = 500;

    private JobRun()
    {
        JobName = string.Empty;
        TriggerName = string.Empty;
        Node = string.Empty;
    }

    public Guid Id { get; private init; }
    public string JobName { get; private init; }
    public string TriggerName { get; private init; }
    public string Node { get; private init; }
    public DateTimeOffset StartedAt { get; private init; }

    /// <summary>How long the run may take before it is cancelled; a running row past it is stale.</summary>
    public TimeSpan Timeout { get; private init; }

    public DateTimeOffset? FinishedAt { get; private set; }
    public JobRunStatus Status { get; private set; }
    public string? Result { get; private set; }
    public string? Error { get; private set; }

    public TimeSpan? Duration => FinishedAt - StartedAt;

    public static JobRun Start(
        string jobName,
        string triggerName,
        string node,
        TimeSpan timeout,
        DateTimeOffset now
    ) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            JobName = Truncate(jobName, NameMaxLength),
            TriggerName = Truncate(triggerName, NameMaxLength),
            Node = Truncate(node, NameMaxLength),
            Timeout = timeout,
            StartedAt = now,
            Status = JobRunStatus.Running,
        };

    public void Finish(JobRunStatus status, string? result, string? error, DateTimeOffset now)
    {
        if (status == JobRunStatus.Running)
        {
            throw new DomainValidationException(
                "job-run.status",
                "A finished run needs an outcome."
            );
        }

        if (FinishedAt is not null)
        {
            throw new BusinessRuleViolationException(
                "job-run.finished",
                "This run has already finished."
            );
        }

        Status = status;
        Result = result is null ? null : Truncate(result, ResultMaxLength);
        Error = error is null ? null : Truncate(error, ResultMaxLength);
        FinishedAt = now < StartedAt ? StartedAt : now;
    }

    private static string Truncate(string value, int maxLength) =>
        value.Length <= maxLength ? value : value[..maxLength];
}

public enum JobRunStatus
{
    Running = 0,

    /// <summary>The command completed.</summary>
    Succeeded = 1,

    /// <summary>The command completed and reported something an operator should look at.</summary>
    Warning = 2,

    /// <summary>The command threw; the error column names the exception type.</summary>
    Failed = 3,

    /// <summary>The run used up its wall-clock budget and was cancelled.</summary>
    TimedOut = 4,

    /// <summary>The worker shut down while the run was going; its transaction rolled back.</summary>
    Cancelled = 5,
}
