using Ledger.Domain.Lists;

namespace Ledger.Application.Lists;

/// <summary>
/// A list without its items. <see cref="Version"/> is its ETag (name, archived, order);
/// <see cref="Revision"/> counts every change to the list and its items, for the changes feed.
/// </summary>
public sealed record ListDto(
    Guid Id,
    OwnershipType Type,
    Guid? GroupId,
    Guid? OwnerId,
    string Name,
    string Currency,
    bool Archived,
    int Version,
    long Revision,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt
)
{
    public static ListDto From(ShoppingList list) =>
        new(
            list.Id.Value,
            list.Ownership.Type,
            list.GroupId?.Value,
            list.OwnerUserId?.Value,
            list.Name,
            list.Currency,
            list.IsArchived,
            list.Version,
            list.Revision,
            list.CreatedAt,
            list.UpdatedAt
        );
}

/// <summary>An item; <see cref="Price"/> is a string amount in the list's currency, like all money.</summary>
public sealed record ListItemDto(
    Guid Id,
    string Name,
    string? Quantity,
    int Position,
    Guid AddedBy,
    DateTimeOffset AddedAt,
    bool Bought,
    Guid? BoughtBy,
    DateTimeOffset? BoughtAt,
    string? Price,
    bool Removed,
    int Version,
    long ChangedAtRevision
)
{
    public static ListItemDto From(ListItem item, string currency) =>
        new(
            item.Id.Value,
            item.Name,
            item.Quantity,
            item.Position,
            item.AddedBy.Value,
            item.AddedAt,
            item.IsBought,
            item.BoughtBy?.Value,
            item.BoughtAt,
            item.PriceIn(currency)?.ToCanonicalString(),
            item.IsRemoved,
            item.Version,
            item.ChangedAtRevision
        );
}

/// <summary>A list with items: all live items in order, or the changes since a revision.</summary>
/// <param name="Full">
/// True when <see cref="Items"/> is the whole list (replace your copy); false when it holds only
/// the items changed since the revision asked for, removed ones included as tombstones.
/// </param>
public sealed record ListWithItemsDto(ListDto List, bool Full, IReadOnlyList<ListItemDto> Items)
{
    public static ListWithItemsDto Whole(ShoppingList list) =>
        new(
            ListDto.From(list),
            true,
            list.Items.Where(i => !i.IsRemoved)
                .OrderBy(i => i.Position)
                .Select(i => ListItemDto.From(i, list.Currency))
                .ToList()
        );
}
