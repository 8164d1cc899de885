namespace Ledger.Application.Settlements.Commands.ConfirmSettlement;

/// <summary>
/// The payee confirms a pending settlement: from now on it counts in the balances. Checked
/// against the balances at this moment (not when it was recorded), under their locks, so it
/// can never turn into a phantom debt. Handled by <see cref="PayeeAnswerHandler"/>.
/// </summary>
public sealed record ConfirmSettlement(
    GroupId GroupId,
    SettlementId SettlementId,
    int ExpectedVersion
) : SettlementAnswer(GroupId, SettlementId, ExpectedVersion), IMarksMoneyAsPaid
{
    public PaymentClaim Claim => new PendingSettlementClaim(SettlementId);
}

public sealed class ConfirmSettlementValidator : VersionedCommandValidator<ConfirmSettlement>;
