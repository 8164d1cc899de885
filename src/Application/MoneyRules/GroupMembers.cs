using Ledger.Application.Common.Persistence;
using Ledger.Domain.Balances;
using Ledger.Domain.Groups;

namespace Ledger.Application.MoneyRules;

/// <summary>
/// The active members of a group and their roles, as a money change sees them: read after
/// <see cref="IApplicationDbContext.LockGroupAgainstMembershipChangesAsync"/>, so they stay the
/// members until the change commits.
/// </summary>
internal sealed class GroupMembers
{
    // Every money command reads its group's members; compiled once (ADR 0070).
    private static readonly Func<DbContext, GroupId, IAsyncEnumerable<ActiveMember>> ActiveMembers =
        EF.CompileAsyncQuery(
            (DbContext context, GroupId groupId) =>
                context
                    .Set<Membership>()
                    .AsNoTracking()
                    .Where(m => m.GroupId == groupId && m.LeftAt == null)
                    .Select(m => new ActiveMember(m.UserId, m.Role))
        );

    private readonly Dictionary<UserId, GroupRole> _roles;

    private GroupMembers(Dictionary<UserId, GroupRole> roles)
    {
        _roles = roles;
        Ids = roles.Keys.ToHashSet();
    }

    public IReadOnlySet<UserId> Ids { get; }

    public GroupRole? RoleOf(UserId user) => _roles.TryGetValue(user, out var role) ? role : null;

    public static async Task<GroupMembers> LockAndReadAsync(
        IApplicationDbContext db,
        GroupId groupId,
        CancellationToken cancellationToken
    )
    {
        await db.LockGroupAgainstMembershipChangesAsync(groupId, cancellationToken);
        var roles = new Dictionary<UserId, GroupRole>();
        await foreach (
            var member in ActiveMembers(Compiled.Context(db), groupId)
                .WithCancellation(cancellationToken)
        )
        {
            roles.Add(member.UserId, member.Role);
        }

        return new GroupMembers(roles);
    }

    /// <summary>
    /// The members of several groups at once, for a set-based system command (recurring
    /// generation): the groups are locked against membership changes in one statement, in id
    /// order, then read in one query. A group without active members maps to none.
    /// </summary>
    public static async Task<IReadOnlyDictionary<GroupId, GroupMembers>> LockAndReadManyAsync(
        IApplicationDbContext db,
        IMembershipLocks locks,
        IReadOnlyCollection<GroupId> groupIds,
        CancellationToken cancellationToken
    )
    {
        await locks.HoldAgainstMembershipChangesAsync(groupIds, cancellationToken);
        var keys = groupIds.Distinct().ToList();
        var rows = await db
            .Memberships.AsNoTracking()
            .Where(m => keys.Contains(m.GroupId) && m.LeftAt == null)
            .Select(m => new
            {
                m.GroupId,
                m.UserId,
                m.Role,
            })
            .ToListAsync(cancellationToken);
        var byGroup = rows.GroupBy(r => r.GroupId)
            .ToDictionary(
                g => g.Key,
                g => new GroupMembers(g.ToDictionary(m => m.UserId, m => m.Role))
            );
        return keys.ToDictionary(g => g, g => byGroup.GetValueOrDefault(g) ?? new GroupMembers([]));
    }

    /// <summary>
    /// A change may not move the balance of someone who has left: they could never settle it,
    /// and it would be a debt nobody in the group can see to (an old expense being voided or
    /// edited after one of its members left).
    /// </summary>
    public void EnsureOnlyMembersAffected(BalanceEffect change)
    {
        if (change.Lines.Any(line => !_roles.ContainsKey(line.Member)))
        {
            throw new BusinessRuleViolationException(
                "expense.former-member",
                "This change would move the balance of someone who has left the group."
            );
        }
    }

    /// <summary>
    /// Moves the group's balances by <paramref name="change"/>, after checking that it moves
    /// only members' (<see cref="EnsureOnlyMembersAffected"/>): how every change of a recorded
    /// expense or payment reaches the balances.
    /// </summary>
    public async Task MoveBalancesAsync(
        IBalanceWriter balances,
        GroupId groupId,
        BalanceEffect change,
        CancellationToken cancellationToken
    )
    {
        EnsureOnlyMembersAffected(change);
        await balances.ApplyAsync(groupId, change, cancellationToken);
    }
}

/// <summary>One active member's id and role, as <see cref="GroupMembers"/> reads them.</summary>
internal sealed record ActiveMember(UserId UserId, GroupRole Role);
