using Ledger.Application.Common.Transitions;
using Ledger.Application.Groups;

namespace Ledger.Application.Settlements.Commands.DeclineSettlement;

/// <summary>The payee says a pending settlement never arrived: it never counts.</summary>
public sealed record DeclineSettlement(
    GroupId GroupId,
    SettlementId SettlementId,
    int ExpectedVersion
) : ICommand<SettlementDto>, IRequiresAccess, ISettlementChange
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class DeclineSettlementValidator : VersionedCommandValidator<DeclineSettlement>;

public sealed class DeclineSettlementHandler(
    SettlementTransitions transitions,
    ICurrentPrincipal principal
) : ICommandHandler<DeclineSettlement, SettlementDto>
{
    public async ValueTask<SettlementDto> Handle(
        DeclineSettlement command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            settlement =>
                SettlementPolicy.EnsureIsPayee(principal.RequireUserId(), settlement.ToUserId),
            (settlement, now) => settlement.Decline(principal.RequireUserId(), now),
            SettlementAudit.Declined,
            movesBalances: false,
            cancellationToken
        );
}
