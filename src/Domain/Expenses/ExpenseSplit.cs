using Ledger.Domain.Common;
using Ledger.Domain.Monetary;
using Ledger.Domain.Settlements;

namespace Ledger.Domain.Expenses;

/// <summary>
/// One member's part of an expense: what they owe and how much of it is settled.
/// </summary>
/// <remarks>
/// Settled = what the member's own payment covers + payments recorded against the split.
/// A member who paid for the expense has their own share covered up to what they paid
/// (<c>min(owed, paid)</c>): with one payer their whole split is settled; with several, each
/// payer still owes whatever of their share their own payment did not cover.
/// </remarks>
public sealed class ExpenseSplit
{
    internal ExpenseSplit(ExpenseId expenseId, GroupId groupId, UserId userId)
        : this()
    {
        Id = ExpenseSplitId.New();
        ExpenseId = expenseId;
        GroupId = groupId;
        UserId = userId;
    }

    private ExpenseSplit() => Currency = string.Empty;

    public ExpenseSplitId Id { get; private init; }
    public ExpenseId ExpenseId { get; private init; }
    public GroupId GroupId { get; private init; }
    public UserId UserId { get; private init; }
    public string Currency { get; private set; }

    /// <summary>The member's percentage or shares, for the split types that have them.</summary>
    public decimal? Weight { get; private set; }

    public long OwedMinorUnits { get; private set; }

    /// <summary>The part of <see cref="OwedMinorUnits"/> covered by the member's own payment.</summary>
    public long CoveredByOwnPaymentMinorUnits { get; private set; }

    public long SettledMinorUnits { get; private set; }
    public SplitStatus Status { get; private set; }

    public Money Owed => Money.FromMinorUnits(OwedMinorUnits, Currency);
    public Money Settled => Money.FromMinorUnits(SettledMinorUnits, Currency);
    public Money Remaining => Money.FromMinorUnits(OwedMinorUnits - SettledMinorUnits, Currency);

    /// <summary>Whether payments beyond the member's own were recorded against this split.</summary>
    public bool HasRecordedPayments => SettledMinorUnits > CoveredByOwnPaymentMinorUnits;

    /// <summary>Sets the owed amount after a (re)computation; refused once payments were recorded.</summary>
    internal void Assign(string currency, SplitPart part, long paidByMember)
    {
        if (HasRecordedPayments)
        {
            throw new InvalidOperationException(
                "A split with recorded payments cannot be reassigned."
            );
        }

        Currency = currency;
        Weight = part.Weight;
        OwedMinorUnits = part.OwedMinorUnits;
        CoveredByOwnPaymentMinorUnits = Math.Min(part.OwedMinorUnits, paidByMember);
        SettledMinorUnits = CoveredByOwnPaymentMinorUnits;
        UpdateStatus();
    }

    /// <summary>Records a payment against what is still owed; never more than that.</summary>
    internal void RecordPayment(Money amount)
    {
        EnsureCanPay(amount);
        SettledMinorUnits += amount.ToMinorUnits();
        UpdateStatus();
    }

    /// <summary>Refuses a payment above what is still owed (<see cref="OverSettlement"/>).</summary>
    internal void EnsureCanPay(Money amount)
    {
        RequirePositiveInCurrency(amount);
        OverSettlement.EnsureSplitCovers(OwedMinorUnits, SettledMinorUnits, Currency, amount);
    }

    /// <summary>Takes back a recorded payment (its activity was voided).</summary>
    internal void ReversePayment(Money amount)
    {
        RequirePositiveInCurrency(amount);
        if (amount.ToMinorUnits() > SettledMinorUnits - CoveredByOwnPaymentMinorUnits)
        {
            throw new DomainValidationException(
                "split.reversal",
                "amount: more than the payments recorded on this split.",
                "amount"
            );
        }

        SettledMinorUnits -= amount.ToMinorUnits();
        UpdateStatus();
    }

    private void RequirePositiveInCurrency(Money amount)
    {
        if (amount.Currency != Currency || !amount.IsPositive)
        {
            throw new DomainValidationException(
                "split.payment-amount",
                $"amount: a payment is above 0, in {Currency}.",
                "amount"
            );
        }
    }

    private void UpdateStatus() =>
        Status =
            SettledMinorUnits == OwedMinorUnits ? SplitStatus.Paid
            : SettledMinorUnits == 0 ? SplitStatus.Unpaid
            : SplitStatus.PartiallyPaid;
}
