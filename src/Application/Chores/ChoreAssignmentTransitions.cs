using Ledger.Application.Chores.Commands.CompleteChoreAssignment;
using Ledger.Application.Chores.Commands.ReopenChoreAssignment;
using Ledger.Application.Chores.Commands.SkipChoreAssignment;
using Ledger.Application.Groups;
using Ledger.Domain.Chores;

namespace Ledger.Application.Chores;

/// <summary>
/// A change of one chore assignment, from the version the client last saw: the chore's users
/// only (<see cref="Access.Chore"/>).
/// </summary>
public abstract record ChoreAssignmentChange(
    ChoreId ChoreId,
    ChoreAssignmentId AssignmentId,
    int ExpectedVersion
) : ICommand<AssignmentDto>, IRequiresAccess, IVersionedCommand
{
    public Access Access => Access.Chore(ChoreId);
}

/// <summary>The rules every assignment change shares: an assignment id and a version.</summary>
public abstract class ChoreAssignmentChangeValidator<TCommand> : VersionedCommandValidator<TCommand>
    where TCommand : ChoreAssignmentChange
{
    protected ChoreAssignmentChangeValidator() =>
        RuleFor(c => c.AssignmentId).MustBeAnAssignmentId();
}

/// <summary>
/// The one shape of completing, skipping, reopening and reassigning an assignment: lock and load
/// the chore with the assignment (404 if either is gone), check the version (409), let the chore
/// apply it at one instant (the rotation follows).
/// </summary>
public sealed class ChoreAssignmentTransitions(IApplicationDbContext db, TimeProvider clock)
{
    public async Task<AssignmentDto> ApplyAsync(
        ChoreAssignmentChange command,
        Func<Chore, ChoreAssignment, DateTimeOffset, Task> apply,
        CancellationToken cancellationToken
    )
    {
        var chore = await db.LockAndLoadChoreAsync(
            command.ChoreId,
            command.AssignmentId,
            cancellationToken
        );
        var assignment = chore.RequireAssignment(command.AssignmentId);
        command.EnsureCurrent(assignment, "assignment");
        await apply(chore, assignment, clock.GetUtcNow());
        return AssignmentDto.From(assignment);
    }
}

/// <summary>
/// Completes, skips or reopens an assignment for the caller: the three differ only in the status
/// the chore moves it to (completing and skipping also need the chore's today).
/// </summary>
public sealed class ChoreAssignmentStatusHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    ChoreAssignmentTransitions transitions
)
    : ICommandHandler<CompleteChoreAssignment, AssignmentDto>,
        ICommandHandler<SkipChoreAssignment, AssignmentDto>,
        ICommandHandler<ReopenChoreAssignment, AssignmentDto>
{
    public ValueTask<AssignmentDto> Handle(
        CompleteChoreAssignment command,
        CancellationToken cancellationToken
    ) => MoveToAsync(AssignmentStatus.Completed, command, cancellationToken);

    public ValueTask<AssignmentDto> Handle(
        SkipChoreAssignment command,
        CancellationToken cancellationToken
    ) => MoveToAsync(AssignmentStatus.Skipped, command, cancellationToken);

    public ValueTask<AssignmentDto> Handle(
        ReopenChoreAssignment command,
        CancellationToken cancellationToken
    ) => MoveToAsync(AssignmentStatus.Open, command, cancellationToken);

    private async ValueTask<AssignmentDto> MoveToAsync(
        AssignmentStatus status,
        ChoreAssignmentChange command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            async (chore, assignment, now) =>
            {
                var by = principal.RequireUserId();
                switch (status)
                {
                    case AssignmentStatus.Completed:
                        var doneOn = await db.TodayForAsync(chore, now, cancellationToken);
                        chore.Complete(assignment.Id, by, doneOn, now);
                        break;
                    case AssignmentStatus.Skipped:
                        var skippedOn = await db.TodayForAsync(chore, now, cancellationToken);
                        chore.Skip(assignment.Id, by, skippedOn, now);
                        break;
                    default:
                        chore.Reopen(assignment.Id, by, now);
                        break;
                }
            },
            cancellationToken
        );
}
