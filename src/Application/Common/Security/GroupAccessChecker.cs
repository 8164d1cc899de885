using Ledger.Application.Common.Persistence;
using Ledger.Domain.Groups;
using Ledger.Domain.Integrations;

namespace Ledger.Application.Common.Security;

/// <summary>
/// The one place that decides whether a principal may act in a group (PRODUCT.md section 3).
/// Not being allowed to read a group is indistinguishable from the group not existing.
/// </summary>
public sealed class GroupAccessChecker(IApplicationDbContext db)
{
    /// <summary>
    /// What every group message reads before it runs, compiled once (ADR 0070): EF would
    /// otherwise walk, hash and compare this expression tree on every request to find its cache entry.
    /// </summary>
    private static readonly Func<
        DbContext,
        GroupId,
        UserId,
        CancellationToken,
        Task<MembershipFacts?>
    > GroupFacts = EF.CompileAsyncQuery(
        (DbContext context, GroupId groupId, UserId userId, CancellationToken _) =>
            context
                .Set<Group>()
                .AsNoTracking()
                .Where(g => g.Id == groupId)
                .Select(g => new MembershipFacts(
                    g.Status,
                    g.Memberships.Where(m => m.UserId == userId && m.LeftAt == null)
                        .Select(m => (GroupRole?)m.Role)
                        .FirstOrDefault(),
                    g.Memberships.Any(m => m.UserId == userId),
                    g.Memberships.Any(m => m.UserId == userId && m.Role == GroupRole.Owner)
                ))
                .FirstOrDefault()
    );

    public Task EnsureAsync(
        ICurrentPrincipal principal,
        GroupId groupId,
        GroupAccess required,
        bool allowsDeletedGroup,
        PartnerUse partnerUse,
        CancellationToken cancellationToken
    ) =>
        ResolveAsync(
            principal,
            groupId,
            required,
            allowsDeletedGroup,
            partnerUse,
            cancellationToken
        );

    /// <summary>
    /// Checks the caller may act in the group as required and answers their active role there
    /// (null for a partner, and for a former owner who is no longer a member).
    /// </summary>
    public async Task<GroupRole?> ResolveAsync(
        ICurrentPrincipal principal,
        GroupId groupId,
        GroupAccess required,
        bool allowsDeletedGroup,
        PartnerUse partnerUse,
        CancellationToken cancellationToken
    )
    {
        if (principal.IsPartner)
        {
            await EnsurePartnerAsync(principal, groupId, required, partnerUse, cancellationToken);
            return null;
        }

        var userId = principal.UserId ?? throw new NotFoundException("group");

        var facts = await GroupFacts(Compiled.Context(db), groupId, userId, cancellationToken);

        if (facts is null || (facts.Status == GroupStatus.Deleted && !allowsDeletedGroup))
        {
            throw new NotFoundException("group");
        }

        switch (required)
        {
            case GroupAccess.FormerOwner:
                if (!facts.WasMember)
                {
                    throw new NotFoundException("group");
                }

                if (!facts.WasOwner)
                {
                    throw new ForbiddenException("Only a former owner of this group can do this.");
                }

                return facts.ActiveRole;

            case GroupAccess.Member:
                if (facts.ActiveRole is null)
                {
                    throw new NotFoundException("group");
                }

                return facts.ActiveRole;

            case GroupAccess.Owner:
                if (facts.ActiveRole is null)
                {
                    throw new NotFoundException("group");
                }

                if (facts.ActiveRole != GroupRole.Owner)
                {
                    throw new ForbiddenException("Only an owner of this group can do this.");
                }

                return facts.ActiveRole;

            default:
                throw new ArgumentOutOfRangeException(nameof(required), required, null);
        }
    }

    /// <summary>
    /// A partner needs the scope in its token and an unrevoked grant with that scope on an active
    /// group (archived or deleted, the group is closed to partners), read from
    /// the database on every message so that a revoked grant stops the very next request. Anything
    /// a partner may not do answers 404, whether or not it could read the group.
    /// </summary>
    private async Task EnsurePartnerAsync(
        ICurrentPrincipal principal,
        GroupId groupId,
        GroupAccess required,
        PartnerUse partnerUse,
        CancellationToken cancellationToken
    )
    {
        var scope = partnerUse switch
        {
            PartnerUse.Read => IntegrationScopes.Read,
            PartnerUse.Write => IntegrationScopes.Write,
            _ => null,
        };
        if (
            required != GroupAccess.Member
            || scope is null
            || principal.ClientId is not { } clientId
            || !principal.Scopes.Contains(scope)
        )
        {
            throw new NotFoundException("group");
        }

        var granted = await db
            .IntegrationGrants.AsNoTracking()
            .AnyAsync(
                grant =>
                    grant.GroupId == groupId
                    && grant.ClientId == clientId
                    && grant.RevokedAt == null
                    && grant.Scopes.Contains(scope)
                    // A grant sleeps while its group is archived or deleted (issue 20 item 10):
                    // nobody answers for the group then, so neither does the partner's grant.
                    && db.Groups.Any(g => g.Id == groupId && g.Status == GroupStatus.Active),
                cancellationToken
            );
        if (!granted)
        {
            throw new NotFoundException("group");
        }
    }
}

/// <summary>The caller's standing in one group, as <see cref="GroupAccessChecker"/> reads it.</summary>
internal sealed record MembershipFacts(
    GroupStatus Status,
    GroupRole? ActiveRole,
    bool WasMember,
    bool WasOwner
);
