using Ledger.Application.Groups;

namespace Ledger.Application.Chores.Commands.CompleteChoreAssignment;

/// <summary>
/// Marks an occurrence done by the caller (who gets the credit, whoever it was assigned to). If
/// no assignment of the chore is left open, its next occurrence is assigned by the rotation.
/// </summary>
public sealed record CompleteChoreAssignment(
    ChoreId ChoreId,
    ChoreAssignmentId AssignmentId,
    int ExpectedVersion
) : ICommand<AssignmentDto>, IRequiresAccess, IChoreAssignmentChange
{
    public Access Access => Access.Chore(ChoreId);
}

public sealed class CompleteChoreAssignmentValidator : AbstractValidator<CompleteChoreAssignment>
{
    public CompleteChoreAssignmentValidator()
    {
        RuleFor(c => c.AssignmentId).MustBeAnAssignmentId();
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class CompleteChoreAssignmentHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    ChoreAssignmentTransitions transitions
) : ICommandHandler<CompleteChoreAssignment, AssignmentDto>
{
    public async ValueTask<AssignmentDto> Handle(
        CompleteChoreAssignment command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            async (chore, assignment, now) =>
                chore.Complete(
                    assignment.Id,
                    principal.RequireUserId(),
                    await db.TodayForAsync(chore, now, cancellationToken),
                    now
                ),
            cancellationToken
        );
}
