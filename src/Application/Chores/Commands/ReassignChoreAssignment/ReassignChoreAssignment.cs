using Ledger.Application.Groups;

namespace Ledger.Application.Chores.Commands.ReassignChoreAssignment;

/// <summary>
/// Hands an open occurrence to another member who may read the chore (someone covers). The
/// rotation is a rota: the turn still counts for the member it was given to. The chore's users
/// only (<see cref="ChoreAssignmentChange"/>).
/// </summary>
public sealed record ReassignChoreAssignment(
    ChoreId ChoreId,
    ChoreAssignmentId AssignmentId,
    UserId AssigneeId,
    int ExpectedVersion
) : ChoreAssignmentChange(ChoreId, AssignmentId, ExpectedVersion);

public sealed class ReassignChoreAssignmentValidator
    : ChoreAssignmentChangeValidator<ReassignChoreAssignment>
{
    public ReassignChoreAssignmentValidator() => RuleFor(c => c.AssigneeId).MustBeAUserId();
}

public sealed class ReassignChoreAssignmentHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    ChoreAssignmentTransitions transitions
) : ICommandHandler<ReassignChoreAssignment, AssignmentDto>
{
    public async ValueTask<AssignmentDto> Handle(
        ReassignChoreAssignment command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            async (chore, assignment, now) =>
            {
                var members = chore.GroupId is { } groupId
                    ? await db.ActiveMembersAsync(groupId, cancellationToken)
                    : [];
                chore.Reassign(
                    assignment.Id,
                    command.AssigneeId,
                    members.ToHashSet(),
                    principal.RequireUserId(),
                    now
                );
            },
            cancellationToken
        );
}
