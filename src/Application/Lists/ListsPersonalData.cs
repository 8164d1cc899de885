using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.PersonalData;
using Ledger.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Lists;

/// <summary>
/// The export's "lists": the user's personal lists and the group lists they created, with
/// their items (removed ones included: they are part of the history).
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
        return lists
            .Select(l => new ListExport(
                ListDto.From(l),
                l.Items.OrderBy(i => i.Position)
                    .Select(i => ListItemDto.From(i, l.Currency))
                    .ToList()
            ))
            .ToList();
    }
}

public sealed record ListExport(ListDto List, IReadOnlyList<ListItemDto> Items);
