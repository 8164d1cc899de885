using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Balances;

/// <summary>
/// Adds balance effects to <c>member_balances</c> with one upsert. The addition happens in the
/// database (<c>net = net + delta</c>) under the row's lock, so two transactions that change the
/// same member's balance both count, whatever they read before; a read-modify-write in C# would
/// let the later commit overwrite the earlier. Rows are touched in one order (currency, member),
/// so concurrent changes queue instead of deadlocking.
/// </summary>
internal sealed class BalanceWriter(IApplicationDbContext db) : IBalanceWriter
{
    public async Task ApplyAsync(
        GroupId groupId,
        BalanceEffect effect,
        CancellationToken cancellationToken
    )
    {
        if (effect.IsNone)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException(
                "Balances change only inside the transaction of the money change."
            );
        }

        var lines = effect.Lines;
        var members = lines.Select(l => l.Member.Value).ToArray();
        var currencies = lines.Select(l => l.Currency).ToArray();
        var deltas = lines.Select(l => l.NetMinorUnits).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO member_balances (group_id, user_id, currency, net_minor_units)
            SELECT {groupId.Value}, change.user_id, change.currency, change.delta
            FROM unnest({members}::uuid[], {currencies}::text[], {deltas}::bigint[])
                AS change (user_id, currency, delta)
            ORDER BY change.currency, change.user_id
            ON CONFLICT (group_id, user_id, currency)
            DO UPDATE SET net_minor_units = member_balances.net_minor_units + excluded.net_minor_units
            """,
            cancellationToken
        );
    }
}
