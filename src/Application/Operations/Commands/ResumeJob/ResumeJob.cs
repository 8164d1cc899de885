using Ledger.Application.Common.Auditing;

namespace Ledger.Application.Operations.Commands.ResumeJob;

/// <summary>
/// Lets a paused job's schedule fire again. A firing missed while paused is handled by the
/// job's misfire policy (run once now, or wait for the next one). Admins only; an unknown job
/// is 404 (<see cref="JobCommand"/>).
/// </summary>
public sealed record ResumeJob(string JobName) : JobCommand(JobName);

public sealed class ResumeJobValidator : JobCommandValidator<ResumeJob>;

public sealed class ResumeJobHandler(IJobScheduler scheduler, AuditTrail audit)
    : ICommandHandler<ResumeJob>
{
    public async ValueTask<Unit> Handle(ResumeJob command, CancellationToken cancellationToken) =>
        audit.RecordJobChange(
            OperationsAudit.JobResumed,
            command,
            found: await scheduler.ResumeAsync(command.JobName, cancellationToken)
        );
}
