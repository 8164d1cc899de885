using Ledger.Domain.Integrations;

namespace Ledger.Application.Webhooks.Commands.RedeliverWebhookEvent;

/// <summary>
/// Queues one event again for one subscription, with the same event id and body (a receiver
/// that lost it, or one that was given up). It goes out in order behind what is already queued.
/// Only events still in the delivery log's retention can be redelivered. No validator: ids only.
/// </summary>
public sealed record RedeliverWebhookEvent(GroupId GroupId, Guid SubscriptionId, Guid EventId)
    : WebhookSubscriptionCommand<Unit>(GroupId, SubscriptionId);

public sealed class RedeliverWebhookEventHandler(
    IApplicationDbContext db,
    WebhookAccess access,
    TimeProvider clock
) : ICommandHandler<RedeliverWebhookEvent, Unit>
{
    public async ValueTask<Unit> Handle(
        RedeliverWebhookEvent command,
        CancellationToken cancellationToken
    )
    {
        var subscription = await access.FindAsync(command, cancellationToken);
        var original =
            await db
                .WebhookDeliveries.AsNoTracking()
                .Where(d => d.SubscriptionId == subscription.Id && d.EventId == command.EventId)
                .OrderByDescending(d => d.Sequence)
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("webhook event");
        db.WebhookDeliveries.Add(
            WebhookDelivery.Create(
                subscription.Id,
                original.EventId,
                original.EventType,
                original.Body,
                clock.GetUtcNow()
            )
        );
        return Unit.Value;
    }
}
