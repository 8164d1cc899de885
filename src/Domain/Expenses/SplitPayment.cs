using Ledger.Domain.Common;
using Ledger.Domain.Monetary;
using Ledger.Domain.Settlements;

namespace Ledger.Domain.Expenses;

/// <summary>
/// A split payment: the split's member paid one of the expense's payers. A child of the
/// <see cref="Expense"/> aggregate, created, confirmed, declined and voided only through it
/// (<see cref="Expense.RecordSplitPayment"/>, <see cref="Expense.VoidSplitPayment"/>), which
/// keeps the split's settled amount in step. One name everywhere: this class, the
/// <c>split_payments</c> table, <c>SplitPaymentDto</c>, the <c>split-payment</c> audit record.
/// Never deleted: voiding keeps it readable and out of the balances.
/// </summary>
public sealed class SplitPayment : IVersioned
{
    private SplitPayment() => Currency = string.Empty;

    internal SplitPayment(
        GroupId groupId,
        ExpenseId expenseId,
        ExpenseSplitId splitId,
        UserId debtor,
        UserId payee,
        Money amount,
        DateTimeOffset paidAt,
        Actor recordedBy,
        DateTimeOffset now,
        bool pending = false
    )
        : this()
    {
        RecordedBy = recordedBy.Require(
            "split-payment.recorder",
            "A payment needs who recorded it."
        );
        if (paidAt > now.AddDays(1))
        {
            throw new DomainValidationException(
                "split-payment.paid-at",
                "paidAt: a payment cannot be dated in the future.",
                "paidAt"
            );
        }

        Id = SplitPaymentId.New();
        GroupId = groupId;
        ExpenseId = expenseId;
        SplitId = splitId;
        DebtorUserId = debtor;
        PayeeUserId = payee;
        Currency = amount.Currency;
        AmountMinorUnits = amount.ToMinorUnits();
        PaidAt = paidAt;
        RecordedAt = now;
        Status = pending ? SettlementStatus.Pending : SettlementStatus.Confirmed;
        Version = 1;
    }

    public SplitPaymentId Id { get; private init; }
    public GroupId GroupId { get; private init; }
    public ExpenseId ExpenseId { get; private init; }
    public ExpenseSplitId SplitId { get; private init; }

    /// <summary>The split's member, who paid.</summary>
    public UserId DebtorUserId { get; private init; }

    /// <summary>The payer of the expense who received the money.</summary>
    public UserId PayeeUserId { get; private init; }

    public string Currency { get; private init; }
    public long AmountMinorUnits { get; private init; }
    public DateTimeOffset PaidAt { get; private init; }
    public Actor RecordedBy { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }

    /// <summary>Who voided the payment, when and why; null while it counts.</summary>
    public VoidRecord? Voided { get; private set; }

    /// <summary>
    /// Confirmed unless a partner recorded it: then it waits for the payee (who received the
    /// money) to confirm or decline it, and until confirmed it moves neither the split nor the
    /// balances.
    /// </summary>
    public SettlementStatus Status { get; private set; }

    /// <summary>When the payee confirmed or declined a pending payment.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>Whether it moves the split and the balances: confirmed and not voided.</summary>
    public bool Counts => MemberPayment.Counts(Voided, Status);

    public Money Amount => Money.FromMinorUnits(AmountMinorUnits, Currency);
    public bool IsVoided => Voided is not null;

    internal void Void(Actor by, string reason, DateTimeOffset now)
    {
        Voided = MemberPayment.Void(Voided, by, reason, now, "split-payment", "payment");
        Version++;
    }

    internal void Decide(UserId by, SettlementStatus decision, DateTimeOffset now)
    {
        if (by != PayeeUserId)
        {
            throw new InvalidOperationException("Only the payee decides on a pending payment.");
        }

        Status = MemberPayment.Decide(Voided, Status, decision, "split-payment", "payment");
        DecidedAt = now;
        Version++;
    }
}
