using Ledger.Domain.Operations;

namespace Ledger.Application.Operations;

/// <summary>
/// Records job runs outside the command's own transaction, so that a run whose command rolled
/// back is still recorded as failed.
/// </summary>
public interface IJobRunLog
{
    Task<Guid> StartedAsync(
        string jobName,
        string triggerName,
        string node,
        TimeSpan timeout,
        CancellationToken cancellationToken
    );

    Task FinishedAsync(
        Guid runId,
        JobRunStatus status,
        string? result,
        string? error,
        CancellationToken cancellationToken
    );
}
