using Ledger.Application.Common.Auditing;

namespace Ledger.Application.Operations.Commands.PauseJob;

/// <summary>
/// Stops a job's schedule from firing until it is resumed. A run under way finishes. Admins
/// only; an unknown job is 404 (<see cref="JobCommand"/>).
/// </summary>
public sealed record PauseJob(string JobName) : JobCommand(JobName);

public sealed class PauseJobValidator : JobCommandValidator<PauseJob>;

public sealed class PauseJobHandler(IJobScheduler scheduler, AuditTrail audit)
    : ICommandHandler<PauseJob>
{
    public async ValueTask<Unit> Handle(PauseJob command, CancellationToken cancellationToken) =>
        audit.RecordJobChange(
            OperationsAudit.JobPaused,
            command,
            found: await scheduler.PauseAsync(command.JobName, cancellationToken)
        );
}
