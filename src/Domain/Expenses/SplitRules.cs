using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.Expenses;

/// <summary>Equal parts among the chosen members; leftover minor units go to the first ones.</summary>
public sealed record EqualSplit(IReadOnlyList<UserId> Members) : SplitRule
{
    public override SplitType Type => SplitType.Equal;

    protected override IReadOnlyList<SplitPart> Compute(Money total)
    {
        RequireMembers(Members, m => m, "split.members");
        var amounts = Allocation.Equally(total.ToMinorUnits(), Members.Count);
        return Members.Select((m, i) => new SplitPart(m, amounts[i])).ToArray();
    }
}

/// <summary>Given amounts, which must add up to the total exactly.</summary>
public sealed record ExactSplit(IReadOnlyList<MemberAmount> Amounts) : SplitRule
{
    public override SplitType Type => SplitType.Exact;

    protected override IReadOnlyList<SplitPart> Compute(Money total)
    {
        const string field = "split.amounts";
        RequireMembers(Amounts, a => a.Member, field);
        var sum = Money.Zero(total.Currency);
        foreach (var entry in Amounts)
        {
            if (entry.Amount.Currency != total.Currency || entry.Amount.IsNegative)
            {
                throw new DomainValidationException(
                    "split.amount",
                    $"{field}: each amount is zero or more, in {total.Currency}.",
                    field
                );
            }

            sum += entry.Amount;
        }

        if (sum != total)
        {
            throw new DomainValidationException(
                "split.sum",
                $"{field}: the amounts add up to {sum}, not to the total {total}.",
                field
            );
        }

        return Amounts.Select(a => new SplitPart(a.Member, a.Amount.ToMinorUnits())).ToArray();
    }
}

/// <summary>Percentages (decimals allowed) that add up to exactly 100.</summary>
public sealed record PercentageSplit(IReadOnlyList<MemberWeight> Percentages) : SplitRule
{
    public override SplitType Type => SplitType.Percentage;

    protected override IReadOnlyList<SplitPart> Compute(Money total)
    {
        const string field = "split.percentages";
        RequireMembers(Percentages, p => p.Member, field);
        if (Percentages.Any(p => p.Weight is < 0m or > 100m))
        {
            throw new DomainValidationException(
                "split.percentage",
                $"{field}: each percentage is between 0 and 100.",
                field
            );
        }

        if (Percentages.Sum(p => p.Weight) != 100m)
        {
            throw new DomainValidationException(
                "split.percentage-sum",
                $"{field}: the percentages must add up to 100.",
                field
            );
        }

        return ByWeights(total, Percentages);
    }
}

/// <summary>Integer or decimal shares; each member owes the total in proportion to theirs.</summary>
public sealed record SharesSplit(IReadOnlyList<MemberWeight> Shares) : SplitRule
{
    /// <summary>Keeps share arithmetic well inside decimal's range.</summary>
    public const decimal MaxShares = 1_000_000m;

    public override SplitType Type => SplitType.Shares;

    protected override IReadOnlyList<SplitPart> Compute(Money total)
    {
        const string field = "split.shares";
        RequireMembers(Shares, s => s.Member, field);
        if (Shares.Any(s => s.Weight is < 0m or > MaxShares) || Shares.All(s => s.Weight == 0m))
        {
            throw new DomainValidationException(
                "split.shares",
                $"{field}: shares are between 0 and {MaxShares:0}, and at least one is above 0.",
                field
            );
        }

        return ByWeights(total, Shares);
    }
}
