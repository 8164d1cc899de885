using Ledger.Domain.Common;

namespace Ledger.Domain.Balances;

/// <summary>
/// Turns net balances into a few payments that settle everyone exactly. Per currency, the
/// largest debtor pays the largest creditor as much as settles one of them; ties go to the
/// smaller member id, so the same balances always give the same transfers. Every payment
/// settles at least one member, so n members with open balances need at most n − 1 payments,
/// and no two payments go between the same two members.
/// </summary>
public static class DebtSimplifier
{
    /// <exception cref="InvalidOperationException">A currency's balances do not sum to zero (drift).</exception>
    public static IReadOnlyList<SuggestedTransfer> Simplify(IEnumerable<MemberNet> balances) =>
        balances
            .GroupBy(b => b.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => SimplifyCurrency(g.Key, g))
            .ToArray();

    private static List<SuggestedTransfer> SimplifyCurrency(
        string currency,
        IEnumerable<MemberNet> balances
    )
    {
        var open = balances
            .GroupBy(b => b.Member)
            .Select(g => (Member: g.Key, Net: g.Sum(b => b.NetMinorUnits)))
            .Where(b => b.Net != 0)
            .ToDictionary(b => b.Member, b => b.Net);
        if (open.Values.Sum() != 0)
        {
            throw new InvalidOperationException(
                $"The {currency} balances do not sum to zero; run the consistency check."
            );
        }

        var transfers = new List<SuggestedTransfer>();
        while (open.Count > 0)
        {
            var debtor = Largest(open.Where(b => b.Value < 0), b => -b.Value);
            var creditor = Largest(open.Where(b => b.Value > 0), b => b.Value);
            var amount = Math.Min(-open[debtor], open[creditor]);
            transfers.Add(new SuggestedTransfer(debtor, creditor, currency, amount));
            Settle(open, debtor, amount);
            Settle(open, creditor, -amount);
        }

        return transfers;
    }

    private static UserId Largest(
        IEnumerable<KeyValuePair<UserId, long>> candidates,
        Func<KeyValuePair<UserId, long>, long> size
    ) => candidates.OrderByDescending(size).ThenBy(b => b.Key.Value).First().Key;

    private static void Settle(Dictionary<UserId, long> open, UserId member, long paid)
    {
        open[member] += paid;
        if (open[member] == 0)
        {
            open.Remove(member);
        }
    }
}
