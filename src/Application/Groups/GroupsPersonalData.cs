using Ledger.Application.Common.PersonalData;

namespace Ledger.Application.Groups;

/// <summary>
/// The export's "memberships": every group the user is or was part of, ended ones included.
/// The name and status of a group they left are no longer theirs to read (issue 20 item 7): a
/// rename after they left stays out of their export.
/// </summary>
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
        // A membership ended, the group may still be read through a later, active one.
        var readable = rows.Where(r => r.LeftAt is null).Select(r => r.Id).ToHashSet();
        return rows.Select(r => new MembershipExport(
                r.Id.Value,
                readable.Contains(r.Id) ? r.Name : null,
                readable.Contains(r.Id) ? r.Status.ToString() : null,
                r.Role.ToString(),
                r.JoinedAt,
                r.LeftAt
            ))
            .ToList();
    }
}

public sealed record MembershipExport(
    Guid GroupId,
    string? GroupName,
    string? GroupStatus,
    string Role,
    DateTimeOffset JoinedAt,
    DateTimeOffset? LeftAt
);
