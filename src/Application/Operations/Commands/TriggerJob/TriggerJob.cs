using Ledger.Application.Common.Auditing;

namespace Ledger.Application.Operations.Commands.TriggerJob;

/// <summary>
/// Queues one run of a job now, on whichever worker picks it up. Refused while a run of the job
/// is already queued or running anywhere in the cluster, so repeated clicks cannot pile up work.
/// </summary>
public sealed record TriggerJob(string JobName) : ICommand, IRequiresAccess
{
    public Access Access => Access.Admin;
}

public sealed class TriggerJobValidator : AbstractValidator<TriggerJob>
{
    public TriggerJobValidator() => RuleFor(c => c.JobName).ValidJobName();
}

public sealed class TriggerJobHandler(IJobScheduler scheduler, AuditTrail audit)
    : ICommandHandler<TriggerJob>
{
    public async ValueTask<Unit> Handle(TriggerJob command, CancellationToken cancellationToken)
    {
        var outcome = await scheduler.TriggerNowAsync(command.JobName, cancellationToken);
        switch (outcome)
        {
            case TriggerOutcome.NotFound:
                throw new NotFoundException(OperationsAudit.JobRecord);
            case TriggerOutcome.AlreadyQueuedOrRunning:
                throw new BusinessRuleViolationException(
                    "job.busy",
                    "A run of this job is already queued or running; try again when it has finished."
                );
            default:
                audit.Record(
                    OperationsAudit.JobTriggered,
                    OperationsAudit.JobRecord,
                    command.JobName,
                    groupId: null
                );
                return Unit.Value;
        }
    }
}
