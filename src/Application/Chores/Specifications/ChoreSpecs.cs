using Ardalis.Specification;
using Ledger.Domain.Chores;

namespace Ledger.Application.Chores.Specifications;

// A chore is loaded with its participants and its open assignments: the rotation counts the
// open ones, and the rule "schedule the next occurrence when none is open" needs all of them.
// Closed assignments and the history stay in the database unless a use case names one.

/// <summary>The chore for a change, tracked, with the closed assignment the command names (if any).</summary>
public sealed class ChoreForChangeSpec : SingleResultSpecification<Chore>
{
    public ChoreForChangeSpec(ChoreId choreId, ChoreAssignmentId? assignmentId)
    {
        Query.Where(c => c.Id == choreId).Include(c => c.Participants);
        if (assignmentId is { } target)
        {
            Query.Include(c =>
                c.Assignments.Where(a => a.Status == AssignmentStatus.Open || a.Id == target)
            );
        }
        else
        {
            Query.Include(c => c.Assignments.Where(a => a.Status == AssignmentStatus.Open));
        }
    }
}

/// <summary>The chore to read.</summary>
public sealed class ChoreForReadSpec : SingleResultSpecification<Chore>
{
    public ChoreForReadSpec(ChoreId choreId) =>
        Query
            .Where(c => c.Id == choreId)
            .Include(c => c.Participants)
            .Include(c => c.Assignments.Where(a => a.Status == AssignmentStatus.Open))
            .AsNoTracking();
}

/// <summary>
/// A group's chores, or a user's personal chores (paged by the list's keyset order). Never
/// across groups.
/// </summary>
public sealed class ChoresOfOwnerSpec : Specification<Chore>
{
    public ChoresOfOwnerSpec(Ownership owner, bool includeArchived)
    {
        if (owner.GroupId is { } groupId)
        {
            Query.Where(c => c.GroupId == groupId);
        }
        else
        {
            Query.Where(c => c.OwnerUserId == owner.OwnerUserId);
        }

        if (!includeArchived)
        {
            Query.Where(c => c.ArchivedAt == null);
        }

        Query
            .Include(c => c.Participants)
            .Include(c => c.Assignments.Where(a => a.Status == AssignmentStatus.Open))
            .AsNoTracking();
    }
}
