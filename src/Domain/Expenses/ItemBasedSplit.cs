using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.Expenses;

/// <summary>
/// Each bought item's price is owed by the member it was for; what those items do not cover
/// (items for everyone, delivery, deposit, untracked items) is divided by <see cref="Rest"/>,
/// which may be any other rule and is only optional when nothing is left to divide.
/// </summary>
public sealed record ItemBasedSplit(IReadOnlyList<ItemCharge> Items, SplitRule? Rest) : SplitRule
{
    public const int MaxItems = 500;

    public override SplitType Type => SplitType.ItemBased;

    protected override IReadOnlyList<SplitPart> Compute(Money total)
    {
        const string field = "split.items";
        if (Items is null || Items.Count is 0 or > MaxItems)
        {
            throw Invalid("split.items", field, $"an item-based split has 1 to {MaxItems} items.");
        }

        if (Items.Select(i => i.Item).Distinct().Count() != Items.Count)
        {
            throw Invalid("split.duplicate-item", field, "each item appears once.");
        }

        if (Items.Any(i => i.Price.Currency != total.Currency || !i.Price.IsPositive))
        {
            throw Invalid(
                "split.item-price",
                field,
                $"each price is above 0, in {total.Currency}."
            );
        }

        var itemsTotal = Items.Aggregate(Money.Zero(total.Currency), (sum, i) => sum + i.Price);
        if (itemsTotal > total)
        {
            throw Invalid(
                "split.items-sum",
                field,
                $"the items cost {itemsTotal}, more than the total {total}."
            );
        }

        var chargedTotal = Items
            .Where(i => i.For is not null)
            .Aggregate(Money.Zero(total.Currency), (sum, i) => sum + i.Price);
        return Merge(RestParts(total - chargedTotal));
    }

    private IReadOnlyList<SplitPart> RestParts(Money rest)
    {
        if (Rest is ItemBasedSplit)
        {
            throw Invalid(
                "split.rest",
                "split.rest",
                "the rest is split equally, exactly, by percentage or by shares."
            );
        }

        if (Rest is null)
        {
            return rest.IsZero
                ? []
                : throw Invalid(
                    "split.rest",
                    "split.rest",
                    $"the items leave {rest} to split; say how."
                );
        }

        return Rest.Apply(rest);
    }

    private SplitPart[] Merge(IReadOnlyList<SplitPart> restParts)
    {
        var owed = new Dictionary<UserId, long>();
        var order = new List<UserId>();
        foreach (
            var (member, minorUnits) in Items
                .Where(i => i.For is not null)
                .Select(i => (i.For!.Value, i.Price.ToMinorUnits()))
                .Concat(restParts.Select(p => (p.Member, p.OwedMinorUnits)))
        )
        {
            if (owed.TryAdd(member, minorUnits))
            {
                order.Add(member);
            }
            else
            {
                owed[member] += minorUnits;
            }
        }

        if (order.Count > MaxMembers)
        {
            throw Invalid("split.members", "split", $"a split has 1 to {MaxMembers} members.");
        }

        var weights = restParts.ToDictionary(p => p.Member, p => p.Weight);
        return order.Select(m => new SplitPart(m, owed[m], weights.GetValueOrDefault(m))).ToArray();
    }

    private static DomainValidationException Invalid(string code, string field, string message) =>
        new(code, $"{field}: {message}", field);
}
