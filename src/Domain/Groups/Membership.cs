using Ledger.Domain.Common;

namespace Ledger.Domain.Groups;

/// <summary>
/// A user's membership of a group. Ending a membership keeps the row (with <see cref="LeftAt"/>)
/// so that the group's history always knows who was part of it.
/// </summary>
public sealed class Membership
{
    internal Membership(GroupId groupId, UserId userId, GroupRole role, DateTimeOffset joinedAt)
    {
        Id = MembershipId.New();
        GroupId = groupId;
        UserId = userId;
        Role = role;
        JoinedAt = joinedAt;
    }

    private Membership() { }

    public MembershipId Id { get; private init; }
    public GroupId GroupId { get; private init; }
    public UserId UserId { get; private init; }
    public GroupRole Role { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }

    /// <summary>An owner removed this member: invites created before then no longer let them in.</summary>
    public bool Removed { get; private set; }

    public bool IsActive => LeftAt is null;

    internal void ChangeRole(GroupRole role) => Role = role;

    internal void End(DateTimeOffset at, bool removed = false)
    {
        LeftAt = at;
        Removed = removed;
    }
}
