using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.Expenses;

/// <summary>
/// How to divide a total among members. <see cref="Apply"/> is a pure function: it checks the
/// rule against the total and returns one part per member, in the rule's member order, whose
/// amounts add up to the total exactly. Every division goes through <see cref="Allocation"/>.
/// </summary>
public abstract record SplitRule
{
    public const int MaxMembers = 100;

    public abstract SplitType Type { get; }

    public IReadOnlyList<SplitPart> Apply(Money total)
    {
        var parts = Compute(total);
        if (parts.Sum(p => p.OwedMinorUnits) != total.ToMinorUnits())
        {
            // Each rule guarantees this; the check keeps the invariant in one visible place.
            throw new InvalidOperationException("A split rule produced parts that miss the total.");
        }

        return parts;
    }

    protected abstract IReadOnlyList<SplitPart> Compute(Money total);

    protected static void RequireMembers<T>(
        IReadOnlyList<T>? entries,
        Func<T, UserId> member,
        string field
    )
    {
        if (entries is null || entries.Count is 0 or > MaxMembers)
        {
            throw new DomainValidationException(
                "split.members",
                $"{field}: a split has 1 to {MaxMembers} members.",
                field
            );
        }

        if (entries.Select(member).Distinct().Count() != entries.Count)
        {
            throw new DomainValidationException(
                "split.duplicate-member",
                $"{field}: each member appears once.",
                field
            );
        }
    }

    protected static IReadOnlyList<SplitPart> ByWeights(
        Money total,
        IReadOnlyList<MemberWeight> weights
    )
    {
        var amounts = Allocation.ByWeights(
            total.ToMinorUnits(),
            weights.Select(w => w.Weight).ToArray()
        );
        return weights.Select((w, i) => new SplitPart(w.Member, amounts[i], w.Weight)).ToArray();
    }
}
