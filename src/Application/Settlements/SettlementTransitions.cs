using Ledger.Application.MoneyRules;
using Ledger.Domain.Balances;
using Ledger.Domain.Settlements;

namespace Ledger.Application.Settlements;

/// <summary>A change to one recorded settlement, from the version the client last saw.</summary>
public interface ISettlementChange : IVersionedCommand
{
    GroupId GroupId { get; }
    SettlementId SettlementId { get; }
}

/// <summary>
/// The one shape of confirming, declining and voiding a settlement: (when it can move money)
/// hold the group against membership changes, load the settlement, check who may do it and the
/// version, apply, move the balances by the difference it made, and audit it.
/// </summary>
public sealed class SettlementTransitions(
    IApplicationDbContext db,
    IBalanceWriter balances,
    AuditTrail audit,
    TimeProvider clock
)
{
    /// <summary>
    /// <paramref name="movesBalances"/> false: the change never counts (declining a pending
    /// settlement), so no member lock is taken and no balance is written.
    /// </summary>
    public async Task<SettlementDto> ApplyAsync(
        ISettlementChange command,
        Action<Settlement> ensureAllowed,
        Action<Settlement, DateTimeOffset> apply,
        string auditAction,
        bool movesBalances,
        CancellationToken cancellationToken
    )
    {
        var members = movesBalances
            ? await GroupMembers.LockAndReadAsync(db, command.GroupId, cancellationToken)
            : null;
        var settlement = await db.LoadSettlementAsync(
            command.GroupId,
            command.SettlementId,
            tracked: true,
            cancellationToken
        );
        ensureAllowed(settlement);
        command.EnsureCurrent(settlement, SettlementAudit.SettlementRecord);

        var before = BalanceEffect.Of(settlement);
        apply(settlement, clock.GetUtcNow());
        if (members is not null)
        {
            await members.MoveBalancesAsync(
                balances,
                command.GroupId,
                BalanceEffect.Change(before, BalanceEffect.Of(settlement)),
                cancellationToken
            );
        }

        audit.Record(
            auditAction,
            SettlementAudit.SettlementRecord,
            settlement.Id,
            settlement.GroupId,
            settlement.Voided?.Reason
        );
        return SettlementDto.From(settlement);
    }
}
