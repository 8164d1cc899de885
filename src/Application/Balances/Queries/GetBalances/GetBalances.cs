using Ledger.Application.Settlements;
using Ledger.Domain.Balances;
using Ledger.Domain.Settlements;

namespace Ledger.Application.Balances.Queries.GetBalances;

/// <summary>
/// The group's balances per currency and the suggested transfers that settle them, for its
/// members. Reads the maintained balance rows only, never the history, so it costs the same
/// at a million expenses as at a thousand (P2).
/// </summary>
public sealed record GetBalances(GroupId GroupId) : IQuery<BalancesDto>, IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Read);
}

public sealed class GetBalancesHandler(IApplicationDbContext db)
    : IQueryHandler<GetBalances, BalancesDto>
{
    /// <summary>Pending settlements are few in practice; the settlements list pages them all.</summary>
    private const int PendingShown = 100;

    public async ValueTask<BalancesDto> Handle(
        GetBalances query,
        CancellationToken cancellationToken
    )
    {
        var rows = await db
            .MemberBalances.AsNoTracking()
            .Where(b => b.GroupId == query.GroupId)
            .Select(b => new MemberNet(b.UserId, b.Currency, b.NetMinorUnits))
            .ToListAsync(cancellationToken);

        var transfers = DebtSimplifier.Simplify(rows).ToLookup(t => t.Currency);
        var currencies = rows.GroupBy(r => r.Currency)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(currency => new CurrencyBalancesDto(
                currency.Key,
                currency
                    .OrderBy(r => r.Member.Value)
                    .Select(r => new MemberBalanceDto(r.Member.Value, r.Net.ToCanonicalString()))
                    .ToArray(),
                transfers[currency.Key]
                    .Select(t => new SuggestedTransferDto(
                        t.From.Value,
                        t.To.Value,
                        t.Amount.ToCanonicalString()
                    ))
                    .ToArray()
            ))
            .ToArray();
        var pending = await db
            .Settlements.AsNoTracking()
            .Where(s =>
                s.GroupId == query.GroupId
                && s.Status == SettlementStatus.Pending
                && s.VoidedAt == null
            )
            .OrderBy(s => s.Id)
            .Take(PendingShown)
            .ToListAsync(cancellationToken);
        return new BalancesDto(
            query.GroupId.Value,
            currencies,
            pending.Select(SettlementDto.From).ToArray()
        );
    }
}
