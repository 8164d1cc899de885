using Ledger.Application.Common.Persistence;
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

    // Compiled once (ADR 0070): no expression tree walked, hashed and compared per request.
    private static readonly Func<DbContext, GroupId, IAsyncEnumerable<MemberNet>> Rows =
        EF.CompileAsyncQuery(
            (DbContext context, GroupId groupId) =>
                context
                    .Set<MemberBalance>()
                    .AsNoTracking()
                    .Where(b => b.GroupId == groupId)
                    .Select(b => new MemberNet(b.UserId, b.Currency, b.NetMinorUnits))
        );

    private static readonly Func<DbContext, GroupId, IAsyncEnumerable<Settlement>> Pending =
        EF.CompileAsyncQuery(
            (DbContext context, GroupId groupId) =>
                context
                    .Set<Settlement>()
                    .AsNoTracking()
                    .Where(s =>
                        s.GroupId == groupId
                        && s.Status == SettlementStatus.Pending
                        && s.Voided == null
                    )
                    .OrderBy(s => s.Id)
                    .Take(PendingShown)
        );

    public async ValueTask<BalancesDto> Handle(
        GetBalances query,
        CancellationToken cancellationToken
    )
    {
        var context = Compiled.Context(db);
        var rows = await Rows(context, query.GroupId).ToListAsync(cancellationToken);

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
        var pending = await Pending(context, query.GroupId).ToListAsync(cancellationToken);
        return new BalancesDto(
            query.GroupId.Value,
            currencies,
            pending.Select(SettlementDto.From).ToArray()
        );
    }
}
