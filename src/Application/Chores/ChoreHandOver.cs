using Ledger.Domain.Chores;
using Ledger.Domain.Groups;

namespace Ledger.Application.Chores;

/// <summary>
/// What happens to a group's chores when a member leaves or is removed: they drop out of every
/// rotation and their open assignments go to whoever the rotation picks. Chores, assignments and
/// history are never deleted. Run by <see cref="ChoreHandOverOnDeparture"/> for every ended
/// membership (leaving, removal, account deletion), inside the command's transaction, before its
/// save (ADR 0036).
/// </summary>
public sealed class ChoreHandOver(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    TimeProvider clock
)
{
    /// <param name="group">The group, tracked, with the departed member's membership already ended.</param>
    public async Task MemberLeftAsync(
        Group group,
        UserId departed,
        CancellationToken cancellationToken
    )
    {
        var groupId = (GroupId?)group.Id;
        var choreIds = await db
            .Chores.Where(c =>
                c.GroupId == groupId
                && (
                    c.Participants.Any(p => p.UserId == departed && p.IsActive)
                    || c.Assignments.Any(a =>
                        a.AssigneeUserId == departed && a.Status == AssignmentStatus.Open
                    )
                )
            )
            .OrderBy(c => c.Id)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        if (choreIds.Count == 0)
        {
            return;
        }

        var remaining = group
            .ActiveMembers.OrderBy(m => m.JoinedAt)
            .ThenBy(m => m.Id)
            .Select(m => m.UserId)
            .ToList();
        var actor = ChoreLoading.ActorOf(principal);
        var now = clock.GetUtcNow();
        // In id order, so that two hand-overs in one group take the chores' locks in one order.
        foreach (var choreId in choreIds)
        {
            var chore = await db.LockAndLoadChoreAsync(choreId, null, cancellationToken);
            chore.HandOver(departed, remaining, actor, now);
        }
    }
}
