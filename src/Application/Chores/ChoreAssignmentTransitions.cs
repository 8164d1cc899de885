using Ledger.Domain.Chores;

namespace Ledger.Application.Chores;

/// <summary>A change of one chore assignment, from the version the client last saw.</summary>
public interface IChoreAssignmentChange : IVersionedCommand
{
    ChoreId ChoreId { get; }
    ChoreAssignmentId AssignmentId { get; }
}

/// <summary>
/// The one shape of completing, skipping and reopening an assignment: lock and load the chore
/// with the assignment, check the version, let the chore apply it (the rotation follows).
/// </summary>
public sealed class ChoreAssignmentTransitions(IApplicationDbContext db, TimeProvider clock)
{
    public async Task<AssignmentDto> ApplyAsync(
        IChoreAssignmentChange command,
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
