using Ledger.Application.Webhooks.Delivery;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Webhooks;

/// <summary>
/// The relay's claims in SQL, on the command's connection and transaction (ADR 0032).
/// </summary>
public sealed class WebhookRelayStore(ApplicationDbContext db) : IWebhookRelayStore
{
    /// <summary>The first key of the relay's two-key advisory locks (a space of its own: other locks use one bigint key).</summary>
    private const int LockSpace = 1_616;

    /// <summary>The second key of the fan-out's lock; a subscription's lock uses the hash of its id.</summary>
    private const int FanOutLock = 0;

    public async Task<int> FanOutAsync(
        int batchSize,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        // One fan-out at a time across the cluster, so deliveries are queued (and their
        // sequence numbers drawn) in one order; the lock ends with the transaction.
        var locked = await db
            .Database.SqlQuery<bool>(
                $"""SELECT pg_try_advisory_xact_lock({LockSpace}, {FanOutLock}) AS "Value" """
            )
            .SingleAsync(cancellationToken);
        if (!locked)
        {
            return -1;
        }

        // The body is built once here and stored with each delivery: retries and redeliveries
        // sign and send the same bytes. Group lifecycle events still reach the group's
        // subscribers; any other event of a group that is no longer active does not.
        return await db.Database.ExecuteSqlAsync(
            $"""
            WITH claimed AS (
                SELECT id, position, type, version, group_id, payload, occurred_at
                FROM outbox_messages
                WHERE processed_at IS NULL
                ORDER BY position
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED
            ), queued AS (
                INSERT INTO webhook_deliveries
                    (id, subscription_id, event_id, event_type, body, created_at, next_attempt_at, attempts, status)
                SELECT gen_random_uuid(), s.id, c.id, c.type,
                    json_build_object(
                        'id', c.id,
                        'type', c.type,
                        'version', c.version,
                        'timestamp', to_char(c.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                        'data', c.payload)::text,
                    {now}, {now}, 0, 'Pending'
                FROM claimed c
                JOIN webhook_subscriptions s ON s.group_id = c.group_id
                JOIN groups g ON g.id = c.group_id
                WHERE s.disabled_at IS NULL
                  AND (g.status = 'Active' OR c.type LIKE 'group.%')
                  AND (s.created_by_client_id IS NULL OR EXISTS (
                      SELECT 1 FROM integration_grants gr
                      WHERE gr.group_id = c.group_id AND gr.client_id = s.created_by_client_id
                        AND gr.revoked_at IS NULL))
                ORDER BY c.position, s.id
                RETURNING 1
            )
            UPDATE outbox_messages o SET processed_at = {now}
            FROM claimed c WHERE o.id = c.id
            """,
            cancellationToken
        );
    }

    public async Task<IReadOnlyList<Guid>> ClaimSubscriptionsAsync(
        int count,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        // Events stop for a partner whose grant was revoked and for a group that was archived
        // or deleted (its own lifecycle events excepted), even those queued before.
        // Only the (usually no) subscriptions that lost their right are looked at, through the
        // pending index; rows another transaction is updating are skipped, never waited for
        // (two workers cancelling the same rows in different orders would deadlock).
        await db.Database.ExecuteSqlAsync(
            $"""
            WITH closed AS MATERIALIZED (
                SELECT s.id,
                       s.created_by_client_id IS NOT NULL AND NOT EXISTS (
                           SELECT 1 FROM integration_grants gr
                           WHERE gr.group_id = s.group_id AND gr.client_id = s.created_by_client_id
                             AND gr.revoked_at IS NULL) AS revoked
                FROM webhook_subscriptions s JOIN groups g ON g.id = s.group_id
                WHERE g.status <> 'Active'
                   OR (s.created_by_client_id IS NOT NULL AND NOT EXISTS (
                       SELECT 1 FROM integration_grants gr
                       WHERE gr.group_id = s.group_id AND gr.client_id = s.created_by_client_id
                         AND gr.revoked_at IS NULL))
            )
            UPDATE webhook_deliveries SET status = 'Cancelled', completed_at = {now}
            WHERE id IN (
                SELECT d.id FROM closed c
                JOIN webhook_deliveries d ON d.subscription_id = c.id AND d.status = 'Pending'
                WHERE c.revoked OR d.event_type NOT LIKE 'group.%'
                FOR UPDATE OF d SKIP LOCKED)
            """,
            cancellationToken
        );

        // Subscriptions whose oldest pending delivery is due (one index probe each), the
        // longest waiting first; then the ones no other round holds. The deliveries are read
        // after the lock is taken, so a round never sends what another just delivered.
        var due = await db
            .Database.SqlQuery<Guid>(
                $"""
                SELECT s.id AS "Value"
                FROM webhook_subscriptions s
                CROSS JOIN LATERAL (
                    SELECT d.next_attempt_at FROM webhook_deliveries d
                    WHERE d.subscription_id = s.id AND d.status = 'Pending'
                    ORDER BY d.sequence LIMIT 1) head
                WHERE s.disabled_at IS NULL AND head.next_attempt_at <= {now}
                ORDER BY head.next_attempt_at
                LIMIT {count * 4}
                """
            )
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        // The limit stops the scan once enough locks are taken: no candidate is locked in vain.
        return await db
            .Database.SqlQuery<Guid>(
                $"""
                SELECT c.id AS "Value" FROM unnest({due.ToArray()}::uuid[]) AS c(id)
                WHERE pg_try_advisory_xact_lock({LockSpace}, hashtext(c.id::text))
                LIMIT {count}
                """
            )
            .ToListAsync(cancellationToken);
    }
}
