using FluentValidation;
using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Mediator;

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
) : ICommand<SettlementDto>, IRequiresAccess, IVersionedCommand, IMarksMoneyAsPaid
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);

    public PaymentClaim Claim => new PendingSettlementClaim(SettlementId);
}

public sealed class ConfirmSettlementValidator : AbstractValidator<ConfirmSettlement>
{
    public ConfirmSettlementValidator() => RuleFor(c => c.ExpectedVersion).MustBeAVersion();
}

public sealed class ConfirmSettlementHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    IBalanceWriter balances,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<ConfirmSettlement, SettlementDto>
{
    public async ValueTask<SettlementDto> Handle(
        ConfirmSettlement command,
        CancellationToken cancellationToken
    )
    {
        var members = await GroupMembers.LockAndReadAsync(db, command.GroupId, cancellationToken);
        var settlement = await db.LoadSettlementAsync(
            command.GroupId,
            command.SettlementId,
            tracked: true,
            cancellationToken
        );
        var caller = principal.RequireUserId();
        SettlementPolicy.EnsureIsPayee(caller, settlement.ToUserId);
        command.EnsureCurrent(settlement, SettlementAudit.SettlementRecord);

        var before = BalanceEffect.Of(settlement);
        settlement.Confirm(caller, clock.GetUtcNow());
        var change = BalanceEffect.Change(before, BalanceEffect.Of(settlement));
        members.EnsureOnlyMembersAffected(change);
        await balances.ApplyAsync(command.GroupId, change, cancellationToken);
        audit.Record(
            SettlementAudit.Confirmed,
            SettlementAudit.SettlementRecord,
            settlement.Id,
            settlement.GroupId
        );
        return SettlementDto.From(settlement);
    }
}
