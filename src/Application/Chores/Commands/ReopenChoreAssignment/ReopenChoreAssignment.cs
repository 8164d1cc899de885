using FluentValidation;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Groups;
using Ledger.Domain.Common;
using Mediator;

namespace Ledger.Application.Chores.Commands.ReopenChoreAssignment;

/// <summary>Reopens a completed or skipped occurrence (done by mistake); the rotation's counts are put back.</summary>
public sealed record ReopenChoreAssignment(
    ChoreId ChoreId,
    ChoreAssignmentId AssignmentId,
    int ExpectedVersion
) : ICommand<AssignmentDto>, IRequiresAccess, IVersionedCommand
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
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    TimeProvider clock
) : ICommandHandler<ReopenChoreAssignment, AssignmentDto>
{
    public async ValueTask<AssignmentDto> Handle(
        ReopenChoreAssignment command,
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
        chore.Reopen(assignment.Id, principal.RequireUserId(), clock.GetUtcNow());
        return AssignmentDto.From(assignment);
    }
}
