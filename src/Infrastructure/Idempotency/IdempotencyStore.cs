using Ledger.Application.Common.Idempotency;
using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Operations;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Ledger.Infrastructure.Idempotency;

/// <summary>
/// The idempotency_keys table through SQL on the request's own connection and transaction, so
/// the key commits or rolls back with the money record it guards.
/// </summary>
internal sealed class IdempotencyStore(IApplicationDbContext db) : IIdempotencyStore
{
    /// <summary>
    /// The advisory lock and the insert in one round trip (ADR 0071). The lock is taken in a
    /// materialized CTE, so it is evaluated once, before the insert, which runs only when it is
    /// held: a duplicate still in flight never waits on the other transaction's row.
    /// </summary>
    private const string ClaimSql = """
        WITH held AS MATERIALIZED (
            SELECT pg_try_advisory_xact_lock(hashtextextended(@caller || ' ' || @key, 7)) AS ok
        ), claimed AS (
            INSERT INTO idempotency_keys (caller, key, request_hash, created_at, expires_at)
            SELECT @caller, @key, @hash, @now, @expires FROM held WHERE held.ok
            ON CONFLICT (caller, key) DO UPDATE
            SET request_hash = excluded.request_hash, response_json = NULL,
                created_at = excluded.created_at, expires_at = excluded.expires_at
            WHERE idempotency_keys.expires_at <= excluded.created_at
            RETURNING 1
        )
        SELECT held.ok, EXISTS (SELECT 1 FROM claimed) FROM held
        """;

    public async Task<IdempotencyClaim> ClaimAsync(
        string caller,
        string key,
        string requestHash,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        RequireTransaction();
        // Released when the transaction ends; a hash collision only makes a retry wait its turn.
        bool held;
        bool claimed;
        await using (var command = Command(ClaimSql))
        {
            command.Parameters.AddWithValue("caller", caller);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("hash", requestHash);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("expires", now + IdempotencyRecord.Lifetime);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            held = reader.GetBoolean(0);
            claimed = reader.GetBoolean(1);
        }

        if (!held)
        {
            return IdempotencyClaim.NotHeld;
        }

        if (claimed)
        {
            return IdempotencyClaim.Claimed;
        }

        var earlier = await db
            .Database.SqlQuery<StoredIdempotentRequest>(
                $"""
                SELECT request_hash, response_json
                FROM idempotency_keys WHERE caller = {caller} AND key = {key}
                """
            )
            .SingleAsync(cancellationToken);
        return new IdempotencyClaim(true, earlier);
    }

    public async Task CompleteAsync(
        string caller,
        string key,
        string responseJson,
        CancellationToken cancellationToken
    )
    {
        RequireTransaction();
        await db.Database.ExecuteSqlAsync(
            $"UPDATE idempotency_keys SET response_json = {responseJson} WHERE caller = {caller} AND key = {key}",
            cancellationToken
        );
    }

    /// <summary>A command on the context's connection, in its open transaction (no EF query pipeline).</summary>
    private NpgsqlCommand Command(string sql) =>
        new(
            sql,
            (NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction()
        );

    // Idempotency keys are written only inside the transaction of the change.
    private void RequireTransaction() =>
        OpenTransaction.Require(db.Database, "Writing an idempotency key");
}
