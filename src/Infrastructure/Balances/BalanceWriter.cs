using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Balances;

/// <summary>
/// Adds balance effects to <c>member_balances</c> with one upsert per transaction, issued last
/// before COMMIT (<see cref="FlushAsync"/>). The addition happens in the database
/// (<c>net = net + delta</c>) under the row's lock, so two transactions that change the same
/// member's balance both count, whatever they read before; a read-modify-write in C# would let
/// the later commit overwrite the earlier. Rows are touched in one order (group, currency,
/// member), so concurrent changes queue instead of deadlocking, and they are held only from the
/// upsert to the commit right after it.
/// </summary>
internal sealed class BalanceWriter(IApplicationDbContext db) : IBalanceWriter
{
    private readonly Dictionary<(Guid Group, Guid Member, string Currency), long> _pending = [];

    public Task ApplyAsync(
        GroupId groupId,
        BalanceEffect effect,
        CancellationToken cancellationToken
    )
    {
        if (effect.IsNone)
        {
            return Task.CompletedTask;
        }

        // Balances change only inside the transaction of the money change.
        OpenTransaction.Require(db.Database, "A balance change");

        foreach (var line in effect.Lines)
        {
            var key = (groupId.Value, line.Member.Value, line.Currency);
            _pending[key] = _pending.GetValueOrDefault(key) + line.NetMinorUnits;
        }

        return Task.CompletedTask;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var lines = _pending.ToList();
        _pending.Clear();
        var groups = lines.Select(l => l.Key.Group).ToArray();
        var members = lines.Select(l => l.Key.Member).ToArray();
        var currencies = lines.Select(l => l.Key.Currency).ToArray();
        var deltas = lines.Select(l => l.Value).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO member_balances (group_id, user_id, currency, net_minor_units)
            SELECT change.group_id, change.user_id, change.currency, change.delta
            FROM unnest({groups}::uuid[], {members}::uuid[], {currencies}::text[], {deltas}::bigint[])
                AS change (group_id, user_id, currency, delta)
            ORDER BY change.group_id, change.currency, change.user_id
            ON CONFLICT (group_id, user_id, currency)
            DO UPDATE SET net_minor_units = member_balances.net_minor_units + excluded.net_minor_units
            """,
            cancellationToken
        );
    }

    public void Discard() => _pending.Clear();
}
