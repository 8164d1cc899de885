using Ledger.Application.Common.Idempotency;
using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Operations;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Idempotency;

/// <summary>
/// The idempotency_keys table through SQL on the request's own connection and transaction, so
/// the key commits or rolls back with the money record it guards.
/// </summary>
internal sealed class IdempotencyStore(IApplicationDbContext db) : IIdempotencyStore
{
    public async Task<bool> TryHoldAsync(
        string caller,
        string key,
        CancellationToken cancellationToken
    )
    {
        RequireTransaction();
        // Released when the transaction ends; a hash collision only makes a retry wait its turn.
        var held = await db
            .Database.SqlQuery<bool>(
                $"""SELECT pg_try_advisory_xact_lock(hashtextextended({caller} || ' ' || {key}, 7)) AS "Value" """
            )
            .SingleAsync(cancellationToken);
        return held;
    }

    public async Task<StoredIdempotentRequest?> ClaimAsync(
        string caller,
        string key,
        string requestHash,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        RequireTransaction();
        var expires = now + IdempotencyRecord.Lifetime;
        // One statement on the primary key: inserted (or an expired key taken over) or not.
        var claimed = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO idempotency_keys (caller, key, request_hash, response_json, created_at, expires_at)
            VALUES ({caller}, {key}, {requestHash}, NULL, {now}, {expires})
            ON CONFLICT (caller, key) DO UPDATE
            SET request_hash = excluded.request_hash, response_json = NULL,
                created_at = excluded.created_at, expires_at = excluded.expires_at
            WHERE idempotency_keys.expires_at <= excluded.created_at
            """,
            cancellationToken
        );
        if (claimed == 1)
        {
            return null;
        }

        return await db
            .Database.SqlQuery<StoredIdempotentRequest>(
                $"""
                SELECT request_hash, response_json
                FROM idempotency_keys WHERE caller = {caller} AND key = {key}
                """
            )
            .SingleAsync(cancellationToken);
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

    // Idempotency keys are written only inside the transaction of the change.
    private void RequireTransaction() =>
        OpenTransaction.Require(db.Database, "Writing an idempotency key");
}
