using FsCheck;
using FsCheck.Fluent;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Monetary;
using Ledger.Domain.UnitTests.Monetary;

namespace Ledger.Domain.UnitTests.Expenses;

/// <summary>Random members, payers and split rules of every type, always valid.</summary>
internal static class ExpenseGenerators
{
    public static readonly ListId List = ListId.New();

    /// <summary>Readable, ordered ids: member 0 has the smallest id.</summary>
    public static UserId Member(int index) => UserId.From(new Guid(index + 1, 0, 0, new byte[8]));

    public static UserId[] Members(int count) =>
        Enumerable.Range(0, count).Select(Member).ToArray();

    public static Gen<UserId[]> SomeOf(UserId[] members) =>
        from shuffled in Gen.Shuffle(members)
        from count in Gen.Choose(1, members.Length)
        select shuffled.Take(count).ToArray();

    public static Gen<Money> Total =>
        from currency in Generators.Currency
        from minor in Generators.PositiveMinorUnits
        select Money.FromMinorUnits(minor, currency);

    public static Gen<ExpenseDetails> Details(UserId[] members) =>
        from total in Total
        from payers in Payers(total, members)
        from split in Rule(total, members, allowItems: true)
        from category in Gen.Elements(Enum.GetValues<ExpenseCategory>())
        from day in Gen.Choose(0, 365)
        select new ExpenseDetails(
            "Shopping",
            category,
            total,
            new DateOnly(2026, 1, 1).AddDays(day),
            payers,
            split,
            List
        );

    public static Gen<IReadOnlyList<MemberAmount>> Payers(Money total, UserId[] members) =>
        from chosen in SomeOf(members)
        let count = (int)Math.Min(chosen.Length, total.ToMinorUnits())
        from amounts in Generators.PositiveParts(total.ToMinorUnits(), count)
        select (IReadOnlyList<MemberAmount>)
            amounts
                .Select(
                    (a, i) => new MemberAmount(chosen[i], Money.FromMinorUnits(a, total.Currency))
                )
                .ToArray();

    public static Gen<SplitRule> Rule(Money total, UserId[] members, bool allowItems)
    {
        var rules = new List<Gen<SplitRule>>
        {
            SomeOf(members).Select(SplitRule (m) => new EqualSplit(m)),
            Exact(total, members),
            Percentage(members),
            Shares(members),
        };
        if (allowItems)
        {
            rules.Add(ItemBased(total, members));
        }

        return Gen.OneOf(rules);
    }

    private static Gen<SplitRule> Exact(Money total, UserId[] members) =>
        from chosen in SomeOf(members)
        from amounts in Generators.Parts(total.ToMinorUnits(), chosen.Length)
        select (SplitRule)
            new ExactSplit(
                amounts
                    .Select(
                        (a, i) =>
                            new MemberAmount(chosen[i], Money.FromMinorUnits(a, total.Currency))
                    )
                    .ToArray()
            );

    private static Gen<SplitRule> Percentage(UserId[] members) =>
        from chosen in SomeOf(members)
        from decimals in Gen.Choose(0, 4)
        let scale = (long)Math.Pow(10, decimals)
        from parts in Generators.Parts(100 * scale, chosen.Length)
        select (SplitRule)
            new PercentageSplit(
                parts.Select((p, i) => new MemberWeight(chosen[i], (decimal)p / scale)).ToArray()
            );

    private static Gen<SplitRule> Shares(UserId[] members) =>
        from chosen in SomeOf(members)
        from weights in Gen.ArrayOf(Generators.Weights.Select(w => w[0]), chosen.Length)
        select (SplitRule)
            new SharesSplit(
                weights
                    .Select(
                        (w, i) =>
                            new MemberWeight(chosen[i], i == 0 && weights.All(x => x == 0) ? 1 : w)
                    )
                    .ToArray()
            );

    private static Gen<SplitRule> ItemBased(Money total, UserId[] members) =>
        from itemCount in Gen.Choose(1, (int)Math.Min(4, total.ToMinorUnits()))
        from coveredShare in Gen.Choose(0, 100)
        let covered = Math.Max(itemCount, total.ToMinorUnits() * coveredShare / 100)
        from prices in Generators.PositiveParts(covered, itemCount)
        from buyers in Gen.ArrayOf(Gen.Elements(members), itemCount)
        let rest = Money.FromMinorUnits(total.ToMinorUnits() - covered, total.Currency)
        from restRule in rest.IsZero
            ? Gen.OneOf(
                Gen.Constant<SplitRule?>(null),
                Rule(rest, members, false).Select(r => (SplitRule?)r)
            )
            : Rule(rest, members, false).Select(r => (SplitRule?)r)
        select (SplitRule)
            new ItemBasedSplit(
                prices
                    .Select(
                        (p, i) =>
                            new ItemCharge(
                                ListItemId.From(new Guid(i + 1, 0, 0, new byte[8])),
                                buyers[i],
                                Money.FromMinorUnits(p, total.Currency)
                            )
                    )
                    .ToArray(),
                restRule
            );
}
