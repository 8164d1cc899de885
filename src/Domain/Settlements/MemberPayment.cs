using Ledger.Domain.Common;

namespace Ledger.Domain.Settlements;

/// <summary>
/// The rules a payment from one member to another follows, whether it settles balances
/// (<see cref="Settlement"/>) or one split of an expense (<see cref="Expenses.SplitPayment"/>):
/// recorded by someone other than the payee it waits, pending, for the payee to confirm or
/// decline it; it is voided once, with a <see cref="VoidRecord"/>; it counts only confirmed
/// and not voided.
/// </summary>
internal static class MemberPayment
{
    /// <param name="record">The rule prefix (<c>settlement</c>, <c>split-payment</c>).</param>
    /// <param name="noun">How messages name it (<c>settlement</c>, <c>payment</c>).</param>
    public static VoidRecord Void(
        VoidRecord? voided,
        Actor by,
        string reason,
        DateTimeOffset now,
        string record,
        string noun
    ) =>
        voided is null
            ? VoidRecord.Of(by, reason, now, record)
            : throw new BusinessRuleViolationException(
                $"{record}.voided",
                $"This {noun} is already voided."
            );

    /// <summary>The payee's decision on a pending payment: its new status.</summary>
    public static SettlementStatus Decide(
        VoidRecord? voided,
        SettlementStatus status,
        SettlementStatus decision,
        string record,
        string noun
    ) =>
        voided is null && status == SettlementStatus.Pending
            ? decision
            : throw new BusinessRuleViolationException(
                $"{record}.not-pending",
                $"Only a pending {noun} can be confirmed or declined."
            );

    public static bool Counts(VoidRecord? voided, SettlementStatus status) =>
        status == SettlementStatus.Confirmed && voided is null;
}
