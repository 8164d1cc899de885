using Ledger.Application.Common.Transitions;
using Ledger.Application.Groups;

namespace Ledger.Application.Settlements.Commands.ConfirmSettlement;

/// <summary>
/// The payee confirms a pending settlement: from now on it counts in the balances. Checked
/// against the balances at this moment (not when it was recorded), under their locks, so it
/// can never turn into a phantom debt.
/// </summary>
public sealed record ConfirmSettlement(
    GroupId GroupId,
    SettlementId SettlementId,
    int ExpectedVersion
) : ICommand<SettlementDto>, IRequiresAccess, ISettlementChange, IMarksMoneyAsPaid
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);

    public PaymentClaim Claim => new PendingSettlementClaim(SettlementId);
}

public sealed class ConfirmSettlementValidator : VersionedCommandValidator<ConfirmSettlement>;

public sealed class ConfirmSettlementHandler(
    SettlementTransitions transitions,
    ICurrentPrincipal principal
) : ICommandHandler<ConfirmSettlement, SettlementDto>
{
    /// <summary>Checked against the balances now, under their locks (the money moves).</summary>
    public async ValueTask<SettlementDto> Handle(
        ConfirmSettlement command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            settlement =>
                SettlementPolicy.EnsureIsPayee(principal.RequireUserId(), settlement.ToUserId),
            (settlement, now) => settlement.Confirm(principal.RequireUserId(), now),
            SettlementAudit.Confirmed,
            movesBalances: true,
            cancellationToken
        );
}
