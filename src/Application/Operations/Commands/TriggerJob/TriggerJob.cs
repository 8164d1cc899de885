namespace Ledger.Application.Operations.Commands.TriggerJob;

/// <summary>
/// Queues one run of a job now, on whichever worker picks it up. Refused while a run of the job
/// is already queued or running anywhere in the cluster, so repeated clicks cannot pile up work.
/// Admins only; an unknown job is 404 (<see cref="JobCommand"/>).
/// </summary>
public sealed record TriggerJob(string JobName) : JobCommand(JobName);

public sealed class TriggerJobValidator : JobCommandValidator<TriggerJob>;

public sealed class TriggerJobHandler(IJobScheduler scheduler, AuditTrail audit)
    : ICommandHandler<TriggerJob>
{
    public async ValueTask<Unit> Handle(TriggerJob command, CancellationToken cancellationToken)
    {
        var outcome = await scheduler.TriggerNowAsync(command.JobName, cancellationToken);
        if (outcome == TriggerOutcome.AlreadyQueuedOrRunning)
        {
            throw new BusinessRuleViolationException(
                "job.busy",
                "A run of this job is already queued or running; try again when it has finished."
            );
        }

        return audit.RecordJobChange(
            OperationsAudit.JobTriggered,
            command,
            found: outcome != TriggerOutcome.NotFound
        );
    }
}
