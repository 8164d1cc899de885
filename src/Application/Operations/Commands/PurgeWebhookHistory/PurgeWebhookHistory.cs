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
    IOptions<WebhookOptions> webhooks,
    PurgeBatch purge
) : ICommandHandler<PurgeWebhookHistory, JobReport>
{
    public async ValueTask<JobReport> Handle(
        PurgeWebhookHistory command,
        CancellationToken cancellationToken
    )
    {
        var outboxRetention = webhooks.Value.OutboxRetention;
        var logRetention = webhooks.Value.DeliveryLogRetention;

        var events = await purge.CountDeletedAsync(
            now =>
                db.OutboxMessages.Where(m =>
                        m.ProcessedAt != null && m.ProcessedAt < now - outboxRetention
                    )
                    .OrderBy(m => m.ProcessedAt),
            cancellationToken
        );
        var deliveries = await purge.CountDeletedAsync(
            now =>
                db.WebhookDeliveries.Where(d =>
                        (
                            d.Status != WebhookDeliveryStatus.Pending
                            && d.CompletedAt < now - logRetention
                        ) || !db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId)
                    )
                    .OrderBy(d => d.Sequence),
            cancellationToken
        );
        var attempts = await purge.CountDeletedAsync(
            now =>
                db.WebhookDeliveryAttempts.Where(a =>
                        a.AttemptedAt < now - logRetention
                        || !db.WebhookSubscriptions.Any(s => s.Id == a.SubscriptionId)
                    )
                    .OrderBy(a => a.AttemptedAt),
            cancellationToken
        );
        return new JobReport(
            $"Purged {events} outbox events, {deliveries} webhook deliveries and {attempts} delivery log entries."
        );
    }
}
