using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.PersonalData;
using Ledger.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Groups;

/// <summary>The export's "memberships": every group the user is or was part of, ended ones included.</summary>
public sealed class GroupsPersonalData(IApplicationDbContext db) : IPersonalDataSection
{
    public string Name => "memberships";

    public async Task<object> ReadAsync(UserId userId, CancellationToken cancellationToken) =>
        await db
            .Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(
                db.Groups.AsNoTracking(),
                m => m.GroupId,
                g => g.Id,
                (m, g) =>
                    new MembershipExport(
                        g.Id.Value,
                        g.Name,
                        g.Status.ToString(),
                        m.Role.ToString(),
                        m.JoinedAt,
                        m.LeftAt
                    )
            )
            .OrderBy(m => m.JoinedAt)
            .ToListAsync(cancellationToken);
}

public sealed record MembershipExport(
    Guid GroupId,
    string GroupName,
    string GroupStatus,
    string Role,
    DateTimeOffset JoinedAt,
    DateTimeOffset? LeftAt
);
