using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Common.Security;

/// <summary>
/// The one place that decides whether a principal may act in a group (PRODUCT.md section 3).
/// Not being allowed to read a group is indistinguishable from the group not existing.
/// </summary>
public sealed class GroupAccessChecker(IApplicationDbContext db)
{
    public async Task EnsureAsync(
        ICurrentPrincipal principal,
        GroupId groupId,
        GroupAccess required,
        bool allowsDeletedGroup,
        CancellationToken cancellationToken
    )
    {
        var userId = principal.UserId ?? throw new NotFoundException("group");

        var facts = await db
            .Groups.AsNoTracking()
            .Where(g => g.Id == groupId)
            .Select(g => new
            {
                g.Status,
                ActiveRole = g
                    .Memberships.Where(m => m.UserId == userId && m.LeftAt == null)
                    .Select(m => (GroupRole?)m.Role)
                    .FirstOrDefault(),
                WasMember = g.Memberships.Any(m => m.UserId == userId),
                WasOwner = g.Memberships.Any(m => m.UserId == userId && m.Role == GroupRole.Owner),
            })
            .FirstOrDefaultAsync(cancellationToken);

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

                return;

            case GroupAccess.Member:
                if (facts.ActiveRole is null)
                {
                    throw new NotFoundException("group");
                }

                return;

            case GroupAccess.Owner:
                if (facts.ActiveRole is null)
                {
                    throw new NotFoundException("group");
                }

                if (facts.ActiveRole != GroupRole.Owner)
                {
                    throw new ForbiddenException("Only an owner of this group can do this.");
                }

                return;

            default:
                throw new ArgumentOutOfRangeException(nameof(required), required, null);
        }
    }
}
