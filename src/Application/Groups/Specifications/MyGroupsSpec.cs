using Ardalis.Specification;
using Ledger.Domain.Groups;

namespace Ledger.Application.Groups.Specifications;

/// <summary>
/// The groups a user belongs to (paged in id order: ids are time-ordered).
/// The membership test is a correlated EXISTS on user_id, which PostgreSQL runs as a semi-join
/// over the per-user index of memberships: the one query allowed to span groups.
/// Archived groups are included on request, and only for their former owners: they are the
/// ones who can restore them, and nobody else can read an archived group.
/// Deleted groups are never listed.
/// </summary>
public sealed class MyGroupsSpec : Specification<Group>
{
    public MyGroupsSpec(UserId user, bool includeArchived)
    {
        if (includeArchived)
        {
            Query.Where(g =>
                g.Memberships.Any(m =>
                    m.UserId == user
                    && (
                        (m.LeftAt == null && g.Status == GroupStatus.Active)
                        || (m.Role == GroupRole.Owner && g.Status == GroupStatus.Archived)
                    )
                )
            );
        }
        else
        {
            Query.Where(g =>
                g.Status == GroupStatus.Active
                && g.Memberships.Any(m => m.UserId == user && m.LeftAt == null)
            );
        }

        Query.AsNoTracking();
    }
}
