using Ledger.Application.Groups;

namespace Ledger.Application.Chores.Commands.SkipChoreAssignment;

/// <summary>
/// Skips an occurrence that is not needed this time. The assignee's turn is given back; if no
/// assignment is left open, the next occurrence is assigned by the rotation.
/// </summary>
public sealed record SkipChoreAssignment(
    ChoreId ChoreId,
    ChoreAssignmentId AssignmentId,
    int ExpectedVersion
) : ICommand<AssignmentDto>, IRequiresAccess, IChoreAssignmentChange
{
    public Access Access => Access.Chore(ChoreId);
}

public sealed class SkipChoreAssignmentValidator : AbstractValidator<SkipChoreAssignment>
{
    public SkipChoreAssignmentValidator()
    {
        RuleFor(c => c.AssignmentId).MustBeAnAssignmentId();
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class SkipChoreAssignmentHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    ChoreAssignmentTransitions transitions
) : ICommandHandler<SkipChoreAssignment, AssignmentDto>
{
    public async ValueTask<AssignmentDto> Handle(
        SkipChoreAssignment command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            async (chore, assignment, now) =>
                chore.Skip(
                    assignment.Id,
                    principal.RequireUserId(),
                    await db.TodayForAsync(chore, now, cancellationToken),
                    now
                ),
            cancellationToken
        );
}
