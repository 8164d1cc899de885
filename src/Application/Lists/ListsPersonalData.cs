using Ledger.Application.Common.PersonalData;

namespace Ledger.Application.Lists;

/// <summary>
/// The export's "lists": the user's personal lists and the group lists they created, with
/// their items (removed ones included: they are part of the history). Bounded to what the user
/// may read now (issue 20 item 7): of a list in a group they left, only the items they added
/// themselves while they were a member, and not the list's current state (null).
/// </summary>
public sealed class ListsPersonalData(IApplicationDbContext db) : IPersonalDataSection
{
    public string Name => "lists";

    public async Task<object> ReadAsync(UserId userId, CancellationToken cancellationToken)
    {
        var lists = await db
            .Lists.AsNoTracking()
            .Where(l => l.OwnerUserId == userId || l.CreatedBy == userId)
            .Include(l => l.Items)
            .OrderBy(l => l.CreatedAt)
            .ToListAsync(cancellationToken);
        var groupIds = lists.Where(l => l.GroupId is not null).Select(l => l.GroupId!.Value);
        var memberships = await db
            .Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && groupIds.Contains(m.GroupId))
            .Select(m => new { m.GroupId, m.LeftAt })
            .ToListAsync(cancellationToken);
        var activeIn = memberships.Where(m => m.LeftAt == null).Select(m => m.GroupId).ToHashSet();
        var leftAt = memberships
            .Where(m => m.LeftAt != null)
            .GroupBy(m => m.GroupId)
            .ToDictionary(g => g.Key, g => g.Max(m => m.LeftAt!.Value));
        return lists
            .Select(l =>
                l.GroupId is not { } group || activeIn.Contains(group)
                    ? new ListExport(
                        ListDto.From(l),
                        l.Items.OrderBy(i => i.Position)
                            .Select(i => ListItemDto.From(i, l.Currency))
                            .ToList()
                    )
                    : new ListExport(
                        null,
                        l.Items.Where(i =>
                                i.AddedBy == userId
                                && leftAt.TryGetValue(group, out var left)
                                && i.AddedAt <= left
                            )
                            .OrderBy(i => i.Position)
                            .Select(i => ListItemDto.From(i, l.Currency))
                            .ToList()
                    )
            )
            .ToList();
    }
}

/// <summary>A list and its items; <see cref="List"/> is null for a list the user can no longer read.</summary>
public sealed record ListExport(ListDto? List, IReadOnlyList<ListItemDto> Items);
