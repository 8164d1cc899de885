using Ledger.Domain.Groups;

namespace Ledger.Application.Common.Security;

/// <summary>
/// The one rule for lists and chores (PRODUCT.md section 3): a personal one belongs to its owner
/// alone; a group's belongs to the group's active members, who may read and change it
/// (archiving included: it is reversible). Anyone else is told it does not exist — 404 for the
/// list or chore and for everything under it (items, assignments, history), never 403.
/// </summary>
public sealed class HouseholdAccess(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    GroupAccessChecker groups
)
{
    public async Task EnsureAsync(Access access, CancellationToken cancellationToken)
    {
        switch (access)
        {
            case Access.ListAccess list:
                await EnsureCanUseAsync(
                    user => OwnerOfList(user, list.ListId),
                    "list",
                    cancellationToken
                );
                return;

            case Access.ChoreAccess chore:
                await EnsureCanUseAsync(
                    user =>
                        db.Chores.Where(c => c.Id == chore.ChoreId)
                            .Select(c => new Owner(
                                c.OwnerUserId,
                                c.GroupId != null
                                    && db.Memberships.Any(m =>
                                        (GroupId?)m.GroupId == c.GroupId
                                        && m.UserId == user
                                        && m.LeftAt == null
                                    )
                                    && db.Groups.Any(g =>
                                        (GroupId?)g.Id == c.GroupId
                                        && g.Status != GroupStatus.Deleted
                                    )
                            )),
                    "chore",
                    cancellationToken
                );
                return;

            case Access.PersonalOrGroupAccess { Group: { } groupId }:
                await groups.EnsureAsync(
                    principal,
                    groupId,
                    GroupAccess.Member,
                    allowsDeletedGroup: false,
                    // Partners never get here: the behaviour turns them away from anything but
                    // group access requirements.
                    PartnerUse.None,
                    cancellationToken
                );
                return;

            case Access.PersonalOrGroupAccess when principal.UserId is null:
                throw new ForbiddenException("Only users have personal lists and chores.");
        }
    }

    /// <summary>Whether the user may use the list, by the same rule that guards list messages.</summary>
    public async Task<bool> MayUseListAsync(
        UserId user,
        ListId listId,
        CancellationToken cancellationToken
    ) =>
        Allows(
            user,
            await OwnerOfList(user, listId).AsNoTracking().FirstOrDefaultAsync(cancellationToken)
        );

    private IQueryable<Owner> OwnerOfList(UserId user, ListId listId) =>
        db
            .Lists.Where(l => l.Id == listId)
            .Select(l => new Owner(
                l.OwnerUserId,
                l.GroupId != null
                    && db.Memberships.Any(m =>
                        (GroupId?)m.GroupId == l.GroupId && m.UserId == user && m.LeftAt == null
                    )
                    && db.Groups.Any(g =>
                        (GroupId?)g.Id == l.GroupId && g.Status != GroupStatus.Deleted
                    )
            ));

    private async Task EnsureCanUseAsync(
        Func<UserId, IQueryable<Owner>> ownerOf,
        string resource,
        CancellationToken cancellationToken
    )
    {
        var user = principal.UserId ?? throw new NotFoundException(resource);
        var owner = await ownerOf(user).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (!Allows(user, owner))
        {
            throw new NotFoundException(resource);
        }
    }

    private static bool Allows(UserId user, Owner? owner) =>
        owner switch
        {
            null => false,
            { OwnerUserId: { } ownerUserId } => ownerUserId == user,
            _ => owner.IsActiveMemberOfGroup,
        };

    private sealed record Owner(UserId? OwnerUserId, bool IsActiveMemberOfGroup);
}
