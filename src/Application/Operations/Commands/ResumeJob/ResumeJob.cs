using Ledger.Application.Common.Auditing;

namespace Ledger.Application.Operations.Commands.ResumeJob;

/// <summary>
/// Lets a paused job's schedule fire again. A firing missed while paused is handled by the
/// job's misfire policy (run once now, or wait for the next one).
/// </summary>
public sealed record ResumeJob(string JobName) : ICommand, IRequiresAccess
{
    public Access Access => Access.Admin;
}

public sealed class ResumeJobValidator : AbstractValidator<ResumeJob>
{
    public ResumeJobValidator() => RuleFor(c => c.JobName).ValidJobName();
}

public sealed class ResumeJobHandler(IJobScheduler scheduler, AuditTrail audit)
    : ICommandHandler<ResumeJob>
{
    public async ValueTask<Unit> Handle(ResumeJob command, CancellationToken cancellationToken)
    {
        if (!await scheduler.ResumeAsync(command.JobName, cancellationToken))
        {
            throw new NotFoundException(OperationsAudit.JobRecord);
        }

        audit.Record(
            OperationsAudit.JobResumed,
            OperationsAudit.JobRecord,
            command.JobName,
            groupId: null
        );
        return Unit.Value;
    }
}
