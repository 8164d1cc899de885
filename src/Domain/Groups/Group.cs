using Ledger.Domain.Common;

namespace Ledger.Domain.Groups;

/// <summary>
/// A household, couple or trip sharing money and chores. Guards its membership rules: a group
/// with members always has an owner, leaving never deletes anything, and deletion is an explicit,
/// confirmed, reversible act of an owner.
/// </summary>
public sealed class Group : AggregateRoot<GroupId>, IVersioned
{
    public const int NameMaxLength = 100;
    public static readonly TimeSpan RestoreWindow = TimeSpan.FromDays(30);

    private readonly List<Membership> _memberships = [];
    private readonly List<Invite> _invites = [];
    private readonly List<GroupDeletionRequest> _deletionRequests = [];

    private Group()
    {
        Name = string.Empty;
        DefaultCurrency = string.Empty;
        TimeZoneId = string.Empty;
    }

    public string Name { get; private set; }
    public string DefaultCurrency { get; private set; }
    public string TimeZoneId { get; private set; }
    public GroupStatus Status { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? ArchivedAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }
    public UserId? DeletedBy { get; private set; }

    public IReadOnlyCollection<Membership> Memberships => _memberships;
    public IReadOnlyCollection<Invite> Invites => _invites;
    public IReadOnlyCollection<GroupDeletionRequest> DeletionRequests => _deletionRequests;

    public IEnumerable<Membership> ActiveMembers => _memberships.Where(m => m.IsActive);

    public static Group Create(
        string name,
        string defaultCurrency,
        string timeZoneId,
        UserId creator,
        DateTimeOffset now
    )
    {
        var group = new Group
        {
            Id = GroupId.New(),
            CreatedAt = now,
            Status = GroupStatus.Active,
            Version = 1,
        };
        group.ApplySettings(name, defaultCurrency, timeZoneId);
        group._memberships.Add(new Membership(group.Id, creator, GroupRole.Owner, now));
        group.Raise(new GroupCreated(group.Id, creator));
        return group;
    }

    public Membership? ActiveMembershipOf(UserId user) =>
        _memberships.FirstOrDefault(m => m.UserId == user && m.IsActive);

    public void UpdateSettings(string name, string defaultCurrency, string timeZoneId)
    {
        EnsureActive();
        ApplySettings(name, defaultCurrency, timeZoneId);
        Touch();
    }

    public Invite CreateInvite(
        UserId createdBy,
        string codeHash,
        DateTimeOffset now,
        DateTimeOffset expiresAt,
        int maxUses
    )
    {
        EnsureActive();
        var invite = new Invite(Id, codeHash, createdBy, now, expiresAt, maxUses);
        _invites.Add(invite);
        return invite;
    }

    /// <summary>Whether an owner removed the user from this group after <paramref name="moment"/>.</summary>
    public bool WasRemovedAfter(UserId user, DateTimeOffset moment) =>
        _memberships.Any(m =>
            m.UserId == user && m.Removed && m.LeftAt is { } left && moment <= left
        );

    /// <summary>Revokes an invite of this group: its code lets nobody in any more.</summary>
    public Invite? RevokeInvite(InviteId inviteId, DateTimeOffset now)
    {
        var invite = _invites.FirstOrDefault(i => i.Id == inviteId);
        invite?.Revoke(now);
        return invite;
    }

    public Membership Join(string inviteCodeHash, UserId user, DateTimeOffset now)
    {
        EnsureActive();
        var invite =
            _invites.FirstOrDefault(i => i.CodeHash == inviteCodeHash)
            ?? throw new BusinessRuleViolationException(
                "invite.unusable",
                "This invite has expired or has been used up."
            );

        if (ActiveMembershipOf(user) is not null)
        {
            throw new BusinessRuleViolationException(
                "group.already-member",
                "You are already a member of this group."
            );
        }

        // A removed member comes back only through an invite made after the removal.
        if (WasRemovedAfter(user, invite.CreatedAt))
        {
            throw new BusinessRuleViolationException(
                "invite.unusable",
                "This invite has expired or has been used up."
            );
        }

        invite.Use(now);
        var membership = new Membership(Id, user, GroupRole.Member, now);
        _memberships.Add(membership);
        Touch();
        Raise(new MemberJoined(Id, user, Version));
        return membership;
    }

    public void ChangeRole(UserId target, GroupRole role)
    {
        EnsureActive();
        var membership = RequireActiveMember(target);
        if (membership.Role == role)
        {
            return;
        }

        if (membership.Role == GroupRole.Owner && OwnerCount() == 1)
        {
            throw new BusinessRuleViolationException(
                "group.last-owner",
                "The group must keep at least one owner: make someone else an owner first."
            );
        }

        membership.ChangeRole(role);
        Touch();
    }

    /// <summary>Makes <paramref name="to"/> an owner and <paramref name="from"/> a member, in one step.</summary>
    public void TransferOwnership(UserId from, UserId to)
    {
        EnsureActive();
        if (from == to)
        {
            throw new DomainValidationException(
                "group.transfer-to-self",
                "Ownership must go to another member."
            );
        }

        var current = RequireActiveMember(from);
        var next = RequireActiveMember(to);
        if (current.Role != GroupRole.Owner)
        {
            throw new BusinessRuleViolationException(
                "group.not-owner",
                "Only an owner can transfer ownership."
            );
        }

        if (next.Role == GroupRole.Owner)
        {
            // Otherwise "transferring" would only demote the caller, which ChangeRole says plainly.
            throw new BusinessRuleViolationException(
                "group.already-owner",
                "That member is already an owner."
            );
        }

        next.ChangeRole(GroupRole.Owner);
        current.ChangeRole(GroupRole.Member);
        Touch();
    }

    /// <summary>
    /// Ends a membership. Nothing is deleted. The last member leaving archives the group.
    /// </summary>
    /// <param name="openBalanceCurrencies">Currencies in which the user's balance is not zero.</param>
    public void Leave(
        UserId user,
        IReadOnlyCollection<string> openBalanceCurrencies,
        DateTimeOffset now
    )
    {
        EnsureActive();
        var membership = RequireActiveMember(user);
        EnsureSettled(openBalanceCurrencies, "leave");
        EndMembership(
            membership,
            now,
            "group.last-owner",
            "The last owner cannot leave while other members remain: transfer ownership first."
        );
    }

    /// <summary>
    /// Ends the membership of a user who is deleting their account, whatever the group's status:
    /// the same rules as leaving (settled up, never the last owner while others remain), with
    /// codes that name the account deletion. Nothing is deleted.
    /// </summary>
    public void EndMembershipOfDeletedAccount(
        UserId user,
        IReadOnlyCollection<string> openBalanceCurrencies,
        DateTimeOffset now
    )
    {
        var membership = ActiveMembershipOf(user);
        if (membership is null)
        {
            return;
        }

        if (openBalanceCurrencies.Count > 0)
        {
            throw new BusinessRuleViolationException(
                "account.open-balance",
                "The account cannot be deleted while one of its balances is not zero: settle up first."
            );
        }

        EndMembership(
            membership,
            now,
            "account.last-owner",
            "The account is the last owner of a group with other members: transfer ownership of that group first."
        );
    }

    /// <summary>
    /// A member leaves (or their account goes): never the last owner while others remain (the
    /// caller's <paramref name="lastOwnerCode"/> says which), and the last member leaving
    /// archives an active group.
    /// </summary>
    private void EndMembership(
        Membership membership,
        DateTimeOffset now,
        string lastOwnerCode,
        string lastOwnerMessage
    )
    {
        var othersRemain = ActiveMembers.Any(m => m.UserId != membership.UserId);
        if (othersRemain && membership.Role == GroupRole.Owner && OwnerCount() == 1)
        {
            throw new BusinessRuleViolationException(lastOwnerCode, lastOwnerMessage);
        }

        membership.End(now);
        var archives = !othersRemain && Status == GroupStatus.Active;
        if (archives)
        {
            Status = GroupStatus.Archived;
            ArchivedAt = now;
        }

        Touch();
        Raise(new MemberLeft(Id, membership.UserId, Version));
        if (archives)
        {
            Raise(new GroupArchived(Id, Version));
        }
    }

    public void RemoveMember(
        UserId target,
        IReadOnlyCollection<string> openBalanceCurrencies,
        DateTimeOffset now
    )
    {
        EnsureActive();
        var membership = RequireActiveMember(target);
        if (membership.Role == GroupRole.Owner)
        {
            throw new BusinessRuleViolationException(
                "group.remove-owner",
                "An owner cannot be removed: change their role to member first."
            );
        }

        EnsureSettled(openBalanceCurrencies, "remove");
        membership.End(now, removed: true);
        Touch();
        Raise(new MemberRemoved(Id, target, Version));
    }

    /// <summary>Brings an archived group back, with the restoring former owner as its owner.</summary>
    public void RestoreArchived(UserId by, DateTimeOffset now)
    {
        if (Status != GroupStatus.Archived)
        {
            throw new BusinessRuleViolationException(
                "group.not-archived",
                "Only an archived group can be restored this way."
            );
        }

        if (!WasOwner(by))
        {
            throw new BusinessRuleViolationException(
                "group.not-former-owner",
                "Only a former owner can restore an archived group."
            );
        }

        Status = GroupStatus.Active;
        ArchivedAt = null;
        _memberships.Add(new Membership(Id, by, GroupRole.Owner, now));
        Touch();
        Raise(new GroupRestored(Id, Version));
        Raise(new MemberJoined(Id, by, Version));
    }

    public GroupDeletionRequest RequestDeletion(UserId by, string tokenHash, DateTimeOffset now)
    {
        EnsureActive();
        RequireOwner(by);
        var request = new GroupDeletionRequest(Id, by, tokenHash, now);
        _deletionRequests.Add(request);
        return request;
    }

    /// <summary>
    /// Soft-deletes the group after the two-step confirmation: a valid token from
    /// <see cref="RequestDeletion"/> and the group's name typed exactly.
    /// </summary>
    public void Delete(
        UserId by,
        string tokenHash,
        string typedName,
        IReadOnlyCollection<string> openBalanceCurrencies,
        DateTimeOffset now
    )
    {
        EnsureActive();
        RequireOwner(by);
        var request =
            _deletionRequests.FirstOrDefault(r => r.Matches(by, tokenHash, now))
            ?? throw new BusinessRuleViolationException(
                "group.deletion-token",
                "The confirmation token is invalid, used or expired: request a new one."
            );

        if (!string.Equals(typedName, Name, StringComparison.Ordinal))
        {
            throw new BusinessRuleViolationException(
                "group.deletion-name",
                "The typed name does not match the group's name exactly."
            );
        }

        EnsureSettled(openBalanceCurrencies, "delete");
        request.MarkUsed(now);
        Status = GroupStatus.Deleted;
        DeletedAt = now;
        DeletedBy = by;
        Touch();
        Raise(new GroupDeleted(Id, Version));
    }

    public void RestoreDeleted(UserId by, DateTimeOffset now)
    {
        if (Status != GroupStatus.Deleted || DeletedAt is null)
        {
            throw new BusinessRuleViolationException(
                "group.not-deleted",
                "The group is not deleted."
            );
        }

        RequireOwner(by);
        if (now - DeletedAt.Value > RestoreWindow)
        {
            throw new BusinessRuleViolationException(
                "group.restore-window",
                $"A deleted group can be restored for {RestoreWindow.TotalDays} days only."
            );
        }

        Status = GroupStatus.Active;
        DeletedAt = null;
        DeletedBy = null;
        Touch();
        Raise(new GroupRestored(Id, Version));
    }

    public bool WasOwner(UserId user) =>
        _memberships.Any(m => m.UserId == user && m.Role == GroupRole.Owner);

    private void ApplySettings(string name, string defaultCurrency, string timeZoneId)
    {
        name = name.Trim();
        if (name.Length is 0 or > NameMaxLength)
        {
            throw new DomainValidationException(
                "group.name",
                $"A group name has 1 to {NameMaxLength} characters."
            );
        }

        Name = name;
        DefaultCurrency = CurrencyCodes.Require(defaultCurrency);
        TimeZoneId = TimeZones.Require(timeZoneId);
    }

    private int OwnerCount() => ActiveMembers.Count(m => m.Role == GroupRole.Owner);

    private Membership RequireActiveMember(UserId user) =>
        ActiveMembershipOf(user)
        ?? throw new BusinessRuleViolationException(
            "group.not-member",
            "That user is not a member of this group."
        );

    private void RequireOwner(UserId user)
    {
        if (ActiveMembershipOf(user)?.Role != GroupRole.Owner)
        {
            throw new BusinessRuleViolationException(
                "group.not-owner",
                "Only an owner can do this."
            );
        }
    }

    private void EnsureActive()
    {
        if (Status != GroupStatus.Active)
        {
            throw new BusinessRuleViolationException(
                "group.not-active",
                "The group is archived or deleted."
            );
        }
    }

    private static void EnsureSettled(
        IReadOnlyCollection<string> openBalanceCurrencies,
        string action
    )
    {
        if (openBalanceCurrencies.Count > 0)
        {
            throw new BusinessRuleViolationException(
                "balance.open",
                $"Cannot {action} while a balance is open in {string.Join(", ", openBalanceCurrencies.Order())}: settle up first."
            );
        }
    }

    /// <summary>
    /// Every change, membership changes included, bumps the version; the store applies it only if
    /// the original still matches, so two racing changes can never both pass a membership rule.
    /// </summary>
    private void Touch() => Version++;
}

public sealed record GroupCreated(GroupId GroupId, UserId CreatedBy) : IDomainEvent;

// Group events carry the group's version after the change (every membership change bumps it).

public sealed record MemberJoined(GroupId GroupId, UserId UserId, int Version) : IDomainEvent;

/// <summary>A member left, or their account was deleted (which ends every membership).</summary>
public sealed record MemberLeft(GroupId GroupId, UserId UserId, int Version) : IDomainEvent;

/// <summary>An owner ended another member's membership.</summary>
public sealed record MemberRemoved(GroupId GroupId, UserId UserId, int Version) : IDomainEvent;

/// <summary>The last member left: the group is read-only until a former owner restores it.</summary>
public sealed record GroupArchived(GroupId GroupId, int Version) : IDomainEvent;

/// <summary>An owner deleted the group; it can be restored for <see cref="Group.RestoreWindow"/>.</summary>
public sealed record GroupDeleted(GroupId GroupId, int Version) : IDomainEvent;

/// <summary>An archived or deleted group is active again.</summary>
public sealed record GroupRestored(GroupId GroupId, int Version) : IDomainEvent;
