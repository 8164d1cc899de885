using Ledger.Application.Groups;

namespace Ledger.Application.Chores.Commands.ReopenChoreAssignment;

/// <summary>Reopens a completed or skipped occurrence (done by mistake); the rotation's counts are put back.</summary>
public sealed record ReopenChoreAssignment(
    ChoreId ChoreId,
    ChoreAssignmentId AssignmentId,
    int ExpectedVersion
) : ICommand<AssignmentDto>, IRequiresAccess, IChoreAssignmentChange
{
    public Access Access => Access.Chore(ChoreId);
}

public sealed class ReopenChoreAssignmentValidator : AbstractValidator<ReopenChoreAssignment>
{
    public ReopenChoreAssignmentValidator()
    {
        RuleFor(c => c.AssignmentId).MustBeAnAssignmentId();
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class ReopenChoreAssignmentHandler(
    ICurrentPrincipal principal,
    ChoreAssignmentTransitions transitions
) : ICommandHandler<ReopenChoreAssignment, AssignmentDto>
{
    public async ValueTask<AssignmentDto> Handle(
        ReopenChoreAssignment command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            (chore, assignment, now) =>
            {
                chore.Reopen(assignment.Id, principal.RequireUserId(), now);
                return Task.CompletedTask;
            },
            cancellationToken
        );
}
