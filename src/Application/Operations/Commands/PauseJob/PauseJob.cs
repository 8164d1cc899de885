using Ledger.Application.Common.Auditing;

namespace Ledger.Application.Operations.Commands.PauseJob;

/// <summary>Stops a job's schedule from firing until it is resumed. A run under way finishes.</summary>
public sealed record PauseJob(string JobName) : ICommand, IRequiresAccess
{
    public Access Access => Access.Admin;
}

public sealed class PauseJobValidator : AbstractValidator<PauseJob>
{
    public PauseJobValidator() => RuleFor(c => c.JobName).ValidJobName();
}

public sealed class PauseJobHandler(IJobScheduler scheduler, AuditTrail audit)
    : ICommandHandler<PauseJob>
{
    public async ValueTask<Unit> Handle(PauseJob command, CancellationToken cancellationToken)
    {
        if (!await scheduler.PauseAsync(command.JobName, cancellationToken))
        {
            throw new NotFoundException(OperationsAudit.JobRecord);
        }

        audit.Record(
            OperationsAudit.JobPaused,
            OperationsAudit.JobRecord,
            command.JobName,
            groupId: null
        );
        return Unit.Value;
    }
}
