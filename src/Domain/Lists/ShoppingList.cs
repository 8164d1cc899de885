using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.Lists;

/// <summary>
/// A shopping list, personal or a group's, with its items. Two counters keep two phones in sync
/// without silent overwrites: <see cref="Version"/> guards the list's own settings (name,
/// archived, item order), each item's own version guards that item, and <see cref="Revision"/>
/// counts every change to the list or any item, so a client can ask what changed since the
/// revision it last saw. Items are never deleted, only removed (kept as tombstones for the
/// changes feed and for expenses that may refer to them).
/// </summary>
public sealed class ShoppingList : AggregateRoot<ListId>, IVersioned
{
    public const int NameMaxLength = 100;
    public const int MaxItems = 500;

    private readonly List<ListItem> _items = [];

    private ShoppingList()
    {
        Name = string.Empty;
        Currency = string.Empty;
    }

    public GroupId? GroupId { get; private init; }
    public UserId? OwnerUserId { get; private init; }
    public string Name { get; private set; }

    /// <summary>The currency prices of bought items are in; fixed when the list is created.</summary>
    public string Currency { get; private init; }

    public DateTimeOffset? ArchivedAt { get; private set; }
    public int Version { get; private set; }
    public long Revision { get; private set; }
    public UserId CreatedBy { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// The items loaded with the list. Use cases that change the list load its live items;
    /// removed items stay in the database and are read by the changes feed.
    /// </summary>
    public IReadOnlyList<ListItem> Items => _items;

    public Ownership Ownership => Ownership.From(GroupId, OwnerUserId);
    public bool IsArchived => ArchivedAt is not null;

    private IEnumerable<ListItem> LiveItems => _items.Where(i => !i.IsRemoved);

    public static ShoppingList Create(
        Ownership ownership,
        string name,
        string currency,
        UserId createdBy,
        DateTimeOffset now
    )
    {
        // Rebuilding checks that exactly one of the two is set (default(Ownership) has neither).
        ownership = Ownership.From(ownership.GroupId, ownership.OwnerUserId);
        return new ShoppingList
        {
            Id = ListId.New(),
            GroupId = ownership.GroupId,
            OwnerUserId = ownership.OwnerUserId,
            Name = ValidName(name),
            Currency = CurrencyCodes.Require(currency),
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
            Revision = 1,
        };
    }

    public ListItem? FindLiveItem(ListItemId itemId) =>
        LiveItems.FirstOrDefault(i => i.Id == itemId);

    public void Rename(string name, DateTimeOffset now)
    {
        EnsureNotArchived();
        Name = ValidName(name);
        SettingsChanged(now);
    }

    public void Archive(DateTimeOffset now)
    {
        EnsureNotArchived();
        ArchivedAt = now;
        SettingsChanged(now);
    }

    public void Unarchive(DateTimeOffset now)
    {
        if (!IsArchived)
        {
            throw new BusinessRuleViolationException(
                "list.not-archived",
                "The list is not archived."
            );
        }

        ArchivedAt = null;
        SettingsChanged(now);
    }

    public ListItem AddItem(string name, string? quantity, UserId addedBy, DateTimeOffset now)
    {
        EnsureNotArchived();
        var live = LiveItems.ToList();
        if (live.Count >= MaxItems)
        {
            throw new BusinessRuleViolationException(
                "list.full",
                $"A list holds at most {MaxItems} items: remove some first."
            );
        }

        var position = live.Count == 0 ? 0 : live.Max(i => i.Position) + 1;
        var item = new ListItem(this, name, quantity, position, addedBy, NextRevision(now), now);
        _items.Add(item);
        return item;
    }

    public void EditItem(ListItemId itemId, string name, string? quantity, DateTimeOffset now)
    {
        var item = RequireLiveItem(itemId);
        EnsureNotArchived();
        item.Edit(name, quantity, NextRevision(now), now);
    }

    /// <param name="price">What was paid, in the list's currency; null when not known.</param>
    public void MarkBought(ListItemId itemId, Money? price, UserId boughtBy, DateTimeOffset now)
    {
        var item = RequireLiveItem(itemId);
        EnsureNotArchived();
        if (price is not null)
        {
            if (!string.Equals(price.Currency, Currency, StringComparison.Ordinal))
            {
                throw new DomainValidationException(
                    "list.price-currency",
                    $"price: prices on this list are in {Currency}.",
                    "price"
                );
            }

            if (price.IsNegative)
            {
                throw new DomainValidationException(
                    "money.negative",
                    "price: the amount must not be negative.",
                    "price"
                );
            }
        }

        item.MarkBought(boughtBy, price?.ToMinorUnits(), NextRevision(now), now);
    }

    public void UnmarkBought(ListItemId itemId, DateTimeOffset now)
    {
        var item = RequireLiveItem(itemId);
        EnsureNotArchived();
        item.UnmarkBought(NextRevision(now), now);
    }

    public void RemoveItem(ListItemId itemId, UserId removedBy, DateTimeOffset now)
    {
        var item = RequireLiveItem(itemId);
        EnsureNotArchived();
        item.Remove(removedBy, NextRevision(now), now);
    }

    /// <summary>
    /// Puts the live items in the given order. The order is the list's, so it is guarded by the
    /// list's version; moved items show up in the changes feed without their own version changing.
    /// </summary>
    public void Reorder(IReadOnlyList<ListItemId> order, DateTimeOffset now)
    {
        EnsureNotArchived();
        var live = LiveItems.ToDictionary(i => i.Id);
        if (
            order.Count != live.Count
            || order.Distinct().Count() != order.Count
            || !order.All(live.ContainsKey)
        )
        {
            throw new DomainValidationException(
                "list.order",
                "itemIds: name every item of the list exactly once.",
                "itemIds"
            );
        }

        SettingsChanged(now);
        for (var position = 0; position < order.Count; position++)
        {
            live[order[position]].MoveTo(position, Revision, now);
        }
    }

    private ListItem RequireLiveItem(ListItemId itemId) =>
        FindLiveItem(itemId)
        ?? throw new BusinessRuleViolationException(
            "list.item-missing",
            "The item is not on this list."
        );

    private void EnsureNotArchived()
    {
        if (IsArchived)
        {
            throw new BusinessRuleViolationException(
                "list.archived",
                "The list is archived: unarchive it first."
            );
        }
    }

    private void SettingsChanged(DateTimeOffset now)
    {
        Version++;
        NextRevision(now);
    }

    private long NextRevision(DateTimeOffset now)
    {
        UpdatedAt = now;
        return ++Revision;
    }

    private static string ValidName(string name)
    {
        name = (name ?? string.Empty).Trim();
        if (name.Length is 0 or > NameMaxLength)
        {
            throw new DomainValidationException(
                "list.name",
                $"name: a list name has 1 to {NameMaxLength} characters.",
                "name"
            );
        }

        return name;
    }
}
