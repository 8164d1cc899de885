using FluentValidation;
using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Audit;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Mediator;

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
) : ICommand<SettlementDto>, IRequiresAccess, IVersionedCommand
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class VoidSettlementValidator : AbstractValidator<VoidSettlement>
{
    public VoidSettlementValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(AuditEvent.ReasonMaxLength);
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class VoidSettlementHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    IBalanceWriter balances,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<VoidSettlement, SettlementDto>
{
    public async ValueTask<SettlementDto> Handle(
        VoidSettlement command,
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
        command.EnsureCurrent(settlement, SettlementAudit.SettlementRecord);

        var before = BalanceEffect.Of(settlement);
        settlement.Void(Actor.User(principal.RequireUserId()), command.Reason, clock.GetUtcNow());
        var change = BalanceEffect.Change(before, BalanceEffect.Of(settlement));
        members.EnsureOnlyMembersAffected(change);
        await balances.ApplyAsync(command.GroupId, change, cancellationToken);
        audit.Record(
            SettlementAudit.Voided,
            SettlementAudit.SettlementRecord,
            settlement.Id,
            settlement.GroupId,
            settlement.VoidReason
        );
        return SettlementDto.From(settlement);
    }
}
