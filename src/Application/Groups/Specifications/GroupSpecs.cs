using Ardalis.Specification;
using Ledger.Domain.Groups;

namespace Ledger.Application.Groups.Specifications;

// The shapes in which a use case loads the Group aggregate to change it: always with its
// memberships (every membership rule needs them), and with just the invite or deletion request
// it is about, never the whole history of either.

/// <summary>The group and its memberships, tracked.</summary>
public sealed class GroupWithMembershipsSpec : SingleResultSpecification<Group>
{
    public GroupWithMembershipsSpec(GroupId groupId) =>
        Query.Where(g => g.Id == groupId).Include(g => g.Memberships);
}

/// <summary>The group, its memberships, and the invite whose code hashes to <paramref name="codeHash"/>.</summary>
public sealed class GroupWithInviteSpec : SingleResultSpecification<Group>
{
    public GroupWithInviteSpec(GroupId groupId, string codeHash) =>
        Query
            .Where(g => g.Id == groupId)
            .Include(g => g.Memberships)
            .Include(g => g.Invites.Where(i => i.CodeHash == codeHash));
}

/// <summary>The group, its memberships, and the invite with the id <paramref name="inviteId"/>.</summary>
public sealed class GroupWithInviteByIdSpec : SingleResultSpecification<Group>
{
    public GroupWithInviteByIdSpec(GroupId groupId, InviteId inviteId) =>
        Query
            .Where(g => g.Id == groupId)
            .Include(g => g.Memberships)
            .Include(g => g.Invites.Where(i => i.Id == inviteId));
}

/// <summary>The group, its memberships, and the deletion request whose token hashes to <paramref name="tokenHash"/>.</summary>
public sealed class GroupWithDeletionRequestSpec : SingleResultSpecification<Group>
{
    public GroupWithDeletionRequestSpec(GroupId groupId, string tokenHash) =>
        Query
            .Where(g => g.Id == groupId)
            .Include(g => g.Memberships)
            .Include(g => g.DeletionRequests.Where(r => r.TokenHash == tokenHash));
}

/// <summary>
/// A group's active members (paged by membership id, version 7: time-ordered, so join order to
/// the millisecond).
/// </summary>
public sealed class ActiveMembersSpec : Specification<Membership>
{
    public ActiveMembersSpec(GroupId groupId)
    {
        Query.Where(m => m.GroupId == groupId && m.LeftAt == null).AsNoTracking();
    }
}
