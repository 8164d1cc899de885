using Ledger.Application.Webhooks;
using Ledger.Domain.Integrations;
using Microsoft.Extensions.Options;

namespace Ledger.Application.Operations.Commands.PurgeWebhookHistory;

/// <summary>
/// Keeps the outbox and the webhook delivery tables small, at most one batch of each per run:
/// deletes outbox events handed on more than <see cref="WebhookOptions.OutboxRetention"/> ago,
/// and completed deliveries and delivery log entries older than
/// <see cref="WebhookOptions.DeliveryLogRetention"/> (with those of deleted subscriptions).
/// Unprocessed events and pending deliveries are never touched.
/// </summary>
public sealed record PurgeWebhookHistory : IScheduledCommand;

public sealed class PurgeWebhookHistoryHandler(
    IApplicationDbContext db,
    IOptions<OperationsOptions> operations,
    IOptions<WebhookOptions> webhooks,
    TimeProvider clock
) : ICommandHandler<PurgeWebhookHistory, JobReport>
{
    public async ValueTask<JobReport> Handle(
        PurgeWebhookHistory command,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow();
        var batch = operations.Value.PurgeBatchSize;
        var outboxCutoff = now - webhooks.Value.OutboxRetention;
        var logCutoff = now - webhooks.Value.DeliveryLogRetention;

        var events = await db
            .OutboxMessages.Where(m => m.ProcessedAt != null && m.ProcessedAt < outboxCutoff)
            .OrderBy(m => m.ProcessedAt)
            .Take(batch)
            .ExecuteDeleteAsync(cancellationToken);
        var deliveries = await db
            .WebhookDeliveries.Where(d =>
                (d.Status != WebhookDeliveryStatus.Pending && d.CompletedAt < logCutoff)
                || !db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId)
            )
            .OrderBy(d => d.Sequence)
            .Take(batch)
            .ExecuteDeleteAsync(cancellationToken);
        var attempts = await db
            .WebhookDeliveryAttempts.Where(a =>
                a.AttemptedAt < logCutoff
                || !db.WebhookSubscriptions.Any(s => s.Id == a.SubscriptionId)
            )
            .OrderBy(a => a.AttemptedAt)
            .Take(batch)
            .ExecuteDeleteAsync(cancellationToken);
        return new JobReport(
            $"Purged {events} outbox events, {deliveries} webhook deliveries and {attempts} delivery log entries."
        );
    }
}
