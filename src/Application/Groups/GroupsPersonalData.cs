using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.PersonalData;
using Ledger.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Groups;

/// <summary>The export's "memberships": every group the user is or was part of, ended ones included.</summary>
public sealed class GroupsPersonalData(IApplicationDbContext db) : IPersonalDataSection
{
    public string Name => "memberships";

    public async Task<object> ReadAsync(UserId userId, CancellationToken cancellationToken)
    {
        var rows = await db
            .Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.JoinedAt)
            .Join(
                db.Groups.AsNoTracking(),
                m => m.GroupId,
                g => g.Id,
                (m, g) =>
                    new
                    {
                        g.Id,
                        g.Name,
                        g.Status,
                        m.Role,
                        m.JoinedAt,
                        m.LeftAt,
                    }
            )
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MembershipExport(
                r.Id.Value,
                r.Name,
                r.Status.ToString(),
                r.Role.ToString(),
                r.JoinedAt,
                r.LeftAt
            ))
            .ToList();
    }
}

public sealed record MembershipExport(
    Guid GroupId,
    string GroupName,
    string GroupStatus,
    string Role,
    DateTimeOffset JoinedAt,
    DateTimeOffset? LeftAt
);
