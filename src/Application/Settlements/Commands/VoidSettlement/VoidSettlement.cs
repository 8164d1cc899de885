using Ledger.Application.Groups;
using Ledger.Domain.Audit;

namespace Ledger.Application.Settlements.Commands.VoidSettlement;

/// <summary>
/// An owner voids a settlement (a mistake, a bounced transfer): it stays readable with who,
/// when and why, and a confirmed one stops counting, the balances moving back in the same
/// transaction.
/// </summary>
public sealed record VoidSettlement(
    GroupId GroupId,
    SettlementId SettlementId,
    string Reason,
    int ExpectedVersion
) : ICommand<SettlementDto>, IRequiresAccess, ISettlementChange, IVoidCommand
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class VoidSettlementValidator : VoidCommandValidator<VoidSettlement>;

public sealed class VoidSettlementHandler(
    SettlementTransitions transitions,
    ICurrentPrincipal principal
) : ICommandHandler<VoidSettlement, SettlementDto>
{
    /// <summary>Owners only (the access requirement); a confirmed one's balances move back.</summary>
    public async ValueTask<SettlementDto> Handle(
        VoidSettlement command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            _ => { },
            (settlement, now) =>
                settlement.Void(Actor.User(principal.RequireUserId()), command.Reason, now),
            SettlementAudit.Voided,
            movesBalances: true,
            cancellationToken
        );
}
