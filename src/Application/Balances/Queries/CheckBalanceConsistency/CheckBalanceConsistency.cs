using Ledger.Domain.Monetary;
using Ledger.Domain.Settlements;
using Microsoft.Extensions.Logging;

namespace Ledger.Application.Balances.Queries.CheckBalanceConsistency;

/// <summary>
/// Recomputes a group's balances from its whole history (every expense not voided: paid minus
/// owed; every confirmed settlement and split payment not voided: paid to minus received) and compares them with the maintained rows. An operations check, for the group's
/// owners: any drift means a money change bypassed the balances, and names where.
/// </summary>
public sealed record CheckBalanceConsistency(GroupId GroupId)
    : IQuery<BalanceConsistencyDto>,
        IRequiresAccess
{
    public Access Access => Access.GroupOwner(GroupId);
}

/// <summary>Whether the maintained balances equal the recomputation; each difference if not.</summary>
public sealed record BalanceConsistencyDto(
    Guid GroupId,
    bool IsConsistent,
    IReadOnlyList<BalanceDriftDto> Drifts
);

/// <summary>A member's balance in one currency as stored and as the history adds up.</summary>
public sealed record BalanceDriftDto(
    string Currency,
    Guid UserId,
    string Stored,
    string Recomputed
);

public sealed partial class CheckBalanceConsistencyHandler(
    IApplicationDbContext db,
    ILogger<CheckBalanceConsistencyHandler> logger
) : IQueryHandler<CheckBalanceConsistency, BalanceConsistencyDto>
{
    public async ValueTask<BalanceConsistencyDto> Handle(
        CheckBalanceConsistency query,
        CancellationToken cancellationToken
    )
    {
        var counted = db
            .Expenses.AsNoTracking()
            .Where(e => e.GroupId == query.GroupId && e.Voided == null);
        // Summed in the database: the history may be long, its sums are one row per member.
        var paid = await counted
            .SelectMany(e =>
                e.Payers.Select(p => new
                {
                    e.Currency,
                    p.UserId,
                    p.PaidMinorUnits,
                })
            )
            .GroupBy(p => new { p.Currency, p.UserId })
            .Select(g => new
            {
                g.Key.Currency,
                g.Key.UserId,
                Sum = g.Sum(p => p.PaidMinorUnits),
            })
            .ToListAsync(cancellationToken);
        var owed = await counted
            .SelectMany(e =>
                e.Splits.Select(s => new
                {
                    e.Currency,
                    s.UserId,
                    s.OwedMinorUnits,
                })
            )
            .GroupBy(s => new { s.Currency, s.UserId })
            .Select(g => new
            {
                g.Key.Currency,
                g.Key.UserId,
                Sum = g.Sum(s => s.OwedMinorUnits),
            })
            .ToListAsync(cancellationToken);
        var settled = await db
            .Settlements.AsNoTracking()
            .Where(s =>
                s.GroupId == query.GroupId
                && s.Status == SettlementStatus.Confirmed
                && s.Voided == null
            )
            .GroupBy(s => new
            {
                s.Currency,
                s.FromUserId,
                s.ToUserId,
            })
            .Select(g => new
            {
                g.Key.Currency,
                From = g.Key.FromUserId,
                To = g.Key.ToUserId,
                Sum = g.Sum(s => s.AmountMinorUnits),
            })
            .ToListAsync(cancellationToken);
        var splitPayments = await db
            .SplitPayments.AsNoTracking()
            .Where(a => a.GroupId == query.GroupId && a.Voided == null)
            .GroupBy(a => new
            {
                a.Currency,
                a.DebtorUserId,
                a.PayeeUserId,
            })
            .Select(g => new
            {
                g.Key.Currency,
                From = g.Key.DebtorUserId,
                To = g.Key.PayeeUserId,
                Sum = g.Sum(a => a.AmountMinorUnits),
            })
            .ToListAsync(cancellationToken);
        var stored = await db
            .MemberBalances.AsNoTracking()
            .Where(b => b.GroupId == query.GroupId)
            .Select(b => new
            {
                b.Currency,
                b.UserId,
                b.NetMinorUnits,
            })
            .ToListAsync(cancellationToken);

        var recomputed = new Dictionary<(string Currency, UserId User), long>();
        foreach (var line in paid)
        {
            Add(recomputed, (line.Currency, line.UserId), line.Sum);
        }

        foreach (var line in owed)
        {
            Add(recomputed, (line.Currency, line.UserId), -line.Sum);
        }

        foreach (var transfer in settled.Concat(splitPayments))
        {
            Add(recomputed, (transfer.Currency, transfer.From), transfer.Sum);
            Add(recomputed, (transfer.Currency, transfer.To), -transfer.Sum);
        }

        var storedByKey = stored.ToDictionary(
            s => (Currency: s.Currency, User: s.UserId),
            s => s.NetMinorUnits
        );
        var drifts = recomputed
            .Keys.Union(storedByKey.Keys)
            .Select(key =>
                (
                    Key: key,
                    Stored: storedByKey.GetValueOrDefault(key),
                    Recomputed: recomputed.GetValueOrDefault(key)
                )
            )
            .Where(line => line.Stored != line.Recomputed)
            .OrderBy(line => line.Key.Currency, StringComparer.Ordinal)
            .ThenBy(line => line.Key.User.Value)
            .Select(line => new BalanceDriftDto(
                line.Key.Currency,
                line.Key.User.Value,
                Money.FromMinorUnits(line.Stored, line.Key.Currency).ToCanonicalString(),
                Money.FromMinorUnits(line.Recomputed, line.Key.Currency).ToCanonicalString()
            ))
            .ToArray();

        if (drifts.Length > 0)
        {
            LogDrift(query.GroupId.Value, drifts.Length);
        }

        return new BalanceConsistencyDto(query.GroupId.Value, drifts.Length == 0, drifts);
    }

    private static void Add(
        Dictionary<(string, UserId), long> sums,
        (string, UserId) key,
        long value
    ) => sums[key] = checked(sums.GetValueOrDefault(key) + value);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Balances of group {GroupId} drifted from their history in {DriftCount} places"
    )]
    private partial void LogDrift(Guid groupId, int driftCount);
}
