using Ledger.Application.Groups;

namespace Ledger.Application.Chores.Commands.ReassignChoreAssignment;

/// <summary>
/// Hands an open occurrence to another member who may read the chore (someone covers). The
/// rotation is a rota: the turn still counts for the member it was given to.
/// </summary>
public sealed record ReassignChoreAssignment(
    ChoreId ChoreId,
    ChoreAssignmentId AssignmentId,
    UserId AssigneeId,
    int ExpectedVersion
) : ICommand<AssignmentDto>, IRequiresAccess, IVersionedCommand
{
    public Access Access => Access.Chore(ChoreId);
}

public sealed class ReassignChoreAssignmentValidator : AbstractValidator<ReassignChoreAssignment>
{
    public ReassignChoreAssignmentValidator()
    {
        RuleFor(c => c.AssignmentId).MustBeAnAssignmentId();
        RuleFor(c => c.AssigneeId).MustBeAUserId();
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class ReassignChoreAssignmentHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    TimeProvider clock
) : ICommandHandler<ReassignChoreAssignment, AssignmentDto>
{
    public async ValueTask<AssignmentDto> Handle(
        ReassignChoreAssignment command,
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
        var members = chore.GroupId is { } groupId
            ? await db.ActiveMembersAsync(groupId, cancellationToken)
            : [];
        chore.Reassign(
            assignment.Id,
            command.AssigneeId,
            members.ToHashSet(),
            principal.RequireUserId(),
            clock.GetUtcNow()
        );
        return AssignmentDto.From(assignment);
    }
}
