using FluentValidation;
using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Groups;
using Ledger.Domain.Common;
using Mediator;

namespace Ledger.Application.Settlements.Commands.DeclineSettlement;

/// <summary>The payee says a pending settlement never arrived: it never counts.</summary>
public sealed record DeclineSettlement(
    GroupId GroupId,
    SettlementId SettlementId,
    int ExpectedVersion
) : ICommand<SettlementDto>, IRequiresAccess, IVersionedCommand
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class DeclineSettlementValidator : AbstractValidator<DeclineSettlement>
{
    public DeclineSettlementValidator() => RuleFor(c => c.ExpectedVersion).MustBeAVersion();
}

public sealed class DeclineSettlementHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<DeclineSettlement, SettlementDto>
{
    public async ValueTask<SettlementDto> Handle(
        DeclineSettlement command,
        CancellationToken cancellationToken
    )
    {
        var settlement = await db.LoadSettlementAsync(
            command.GroupId,
            command.SettlementId,
            tracked: true,
            cancellationToken
        );
        var caller = principal.RequireUserId();
        SettlementPolicy.EnsureIsPayee(caller, settlement.ToUserId);
        command.EnsureCurrent(settlement, SettlementAudit.SettlementRecord);
        settlement.Decline(caller, clock.GetUtcNow());
        audit.Record(
            SettlementAudit.Declined,
            SettlementAudit.SettlementRecord,
            settlement.Id,
            settlement.GroupId
        );
        return SettlementDto.From(settlement);
    }
}
