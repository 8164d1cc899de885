using Ledger.Application.Operations.Commands.PauseJob;
using Ledger.Application.Operations.Commands.ResumeJob;

namespace Ledger.Application.Operations;

/// <summary>An admin's change to one scheduled job, named by its job name (admins only).</summary>
public abstract record JobCommand(string JobName) : ICommand, IRequiresAccess
{
    public Access Access => Access.Admin;
}

/// <summary>The job name must be one of the schedule's.</summary>
public abstract class JobCommandValidator<TCommand> : AbstractValidator<TCommand>
    where TCommand : JobCommand
{
    protected JobCommandValidator() => RuleFor(c => c.JobName).ValidJobName();
}

internal static class JobCommandAudit
{
    /// <summary>404 when the scheduler did not find the job; otherwise audits the change on it.</summary>
    public static Unit RecordJobChange(
        this AuditTrail audit,
        string action,
        JobCommand command,
        bool found
    )
    {
        if (!found)
        {
            throw new NotFoundException(OperationsAudit.JobRecord);
        }

        audit.Record(action, OperationsAudit.JobRecord, command.JobName, groupId: null);
        return Unit.Value;
    }
}

/// <summary>Pauses or resumes a job's schedule: the two differ only in the scheduler's verb.</summary>
public sealed class JobPausingHandler(IJobScheduler scheduler, AuditTrail audit)
    : ICommandHandler<PauseJob>,
        ICommandHandler<ResumeJob>
{
    public async ValueTask<Unit> Handle(PauseJob command, CancellationToken cancellationToken) =>
        audit.RecordJobChange(
            OperationsAudit.JobPaused,
            command,
            found: await scheduler.PauseAsync(command.JobName, cancellationToken)
        );

    public async ValueTask<Unit> Handle(ResumeJob command, CancellationToken cancellationToken) =>
        audit.RecordJobChange(
            OperationsAudit.JobResumed,
            command,
            found: await scheduler.ResumeAsync(command.JobName, cancellationToken)
        );
}
