using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.Settlements;

/// <summary>
/// The over-settlement rule, its arithmetic and its message, in one place (docs/requirements.md,
/// "Money"): nobody pays more than is owed. A split takes at most what is still owed on it; a
/// payment between two members at most what the payer owes and the payee is owed in that
/// currency, so it flips nobody's balance. The aggregates apply it when they record a payment;
/// the over-settlement behaviour applies it again to the rows it locked, which is the check that
/// holds under races.
/// </summary>
public static class OverSettlement
{
    public const string SplitCode = "split.over-settlement";
    public const string MembersCode = "settlement.over-settlement";

    /// <summary>Refuses a payment above what is still owed on a split (owed less settled).</summary>
    public static void EnsureSplitCovers(
        long owedMinorUnits,
        long settledMinorUnits,
        string currency,
        Money amount
    )
    {
        var remaining = Money.FromMinorUnits(owedMinorUnits - settledMinorUnits, currency);
        if (amount > remaining)
        {
            throw new DomainValidationException(
                SplitCode,
                $"amount: only {remaining} is still owed on this split.",
                "amount"
            );
        }
    }

    /// <summary>
    /// Refuses a payment from one member to another above what the payer owes and the payee is
    /// owed, given their net balances in the payment's currency (negative: owes).
    /// </summary>
    public static void EnsureMembersCover(long payerNet, long payeeNet, Money amount)
    {
        var payerOwes = Math.Max(0, -payerNet);
        var payeeIsOwed = Math.Max(0, payeeNet);
        var most = Money.FromMinorUnits(Math.Min(payerOwes, payeeIsOwed), amount.Currency);
        if (amount > most)
        {
            throw new DomainValidationException(
                MembersCode,
                $"amount: at most {most} can be settled from this payer to this payee now; more would create a debt that does not exist.",
                "amount"
            );
        }
    }
}
