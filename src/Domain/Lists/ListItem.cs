using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.Lists;

/// <summary>
/// One thing to buy. Changed only through its <see cref="ShoppingList"/>, which stamps every
/// change with the list's revision (<see cref="ChangedAtRevision"/>) for the changes feed.
/// </summary>
public sealed class ListItem : IVersioned
{
    public const int NameMaxLength = 200;
    public const int QuantityMaxLength = 50;

    internal ListItem(
        ShoppingList list,
        string name,
        string? quantity,
        int position,
        UserId addedBy,
        long revision,
        DateTimeOffset now
    )
    {
        Id = ListItemId.New();
        ListId = list.Id;
        GroupId = list.GroupId;
        Name = ValidName(name);
        Quantity = ValidQuantity(quantity);
        Position = position;
        AddedBy = addedBy;
        AddedAt = now;
        UpdatedAt = now;
        Version = 1;
        ChangedAtRevision = revision;
    }

    private ListItem()
    {
        Name = string.Empty;
    }

    public ListItemId Id { get; private init; }
    public ListId ListId { get; private init; }

    /// <summary>The list's group (null on a personal list), copied so that group data carries its group.</summary>
    public GroupId? GroupId { get; private init; }

    public string Name { get; private set; }

    /// <summary>Free text such as "2" or "500 g".</summary>
    public string? Quantity { get; private set; }

    public int Position { get; private set; }
    public UserId AddedBy { get; private init; }
    public DateTimeOffset AddedAt { get; private init; }
    public UserId? BoughtBy { get; private set; }
    public DateTimeOffset? BoughtAt { get; private set; }

    /// <summary>The price paid in the list's currency, in minor units; null if not bought or not given.</summary>
    public long? PriceMinorUnits { get; private set; }

    public int Version { get; private set; }
    public long ChangedAtRevision { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }
    public UserId? RemovedBy { get; private set; }

    public bool IsBought => BoughtAt is not null;
    public bool IsRemoved => RemovedAt is not null;

    public Money? PriceIn(string currency) =>
        PriceMinorUnits is { } minor ? Money.FromMinorUnits(minor, currency) : null;

    internal void Edit(string name, string? quantity, long revision, DateTimeOffset now)
    {
        Name = ValidName(name);
        Quantity = ValidQuantity(quantity);
        Changed(revision, now);
    }

    internal void MarkBought(UserId by, long? priceMinorUnits, long revision, DateTimeOffset now)
    {
        BoughtBy = by;
        BoughtAt = now;
        PriceMinorUnits = priceMinorUnits;
        Changed(revision, now);
    }

    internal void UnmarkBought(long revision, DateTimeOffset now)
    {
        if (!IsBought)
        {
            throw new BusinessRuleViolationException(
                "list.item-not-bought",
                "The item is not marked as bought."
            );
        }

        BoughtBy = null;
        BoughtAt = null;
        PriceMinorUnits = null;
        Changed(revision, now);
    }

    internal void Remove(UserId by, long revision, DateTimeOffset now)
    {
        RemovedAt = now;
        RemovedBy = by;
        Changed(revision, now);
    }

    /// <summary>Moving is a change of the list's order: it does not bump the item's own version.</summary>
    internal void MoveTo(int position, long revision, DateTimeOffset now)
    {
        if (Position == position)
        {
            return;
        }

        Position = position;
        ChangedAtRevision = revision;
        UpdatedAt = now;
    }

    private void Changed(long revision, DateTimeOffset now)
    {
        Version++;
        ChangedAtRevision = revision;
        UpdatedAt = now;
    }

    private static string ValidName(string name)
    {
        name = (name ?? string.Empty).Trim();
        if (name.Length is 0 or > NameMaxLength)
        {
            throw new DomainValidationException(
                "list.item-name",
                $"name: an item name has 1 to {NameMaxLength} characters.",
                "name"
            );
        }

        return name;
    }

    private static string? ValidQuantity(string? quantity)
    {
        quantity = quantity?.Trim();
        if (string.IsNullOrEmpty(quantity))
        {
            return null;
        }

        if (quantity.Length > QuantityMaxLength)
        {
            throw new DomainValidationException(
                "list.item-quantity",
                $"quantity: a quantity has at most {QuantityMaxLength} characters.",
                "quantity"
            );
        }

        return quantity;
    }
}
