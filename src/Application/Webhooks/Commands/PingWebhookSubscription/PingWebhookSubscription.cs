using System.Globalization;
using System.Text.Json.Nodes;
using Ledger.Domain.Integrations;

namespace Ledger.Application.Webhooks.Commands.PingWebhookSubscription;

/// <summary>
/// Queues a <c>webhook.ping</c> event for one subscription (signed like any event), and
/// re-enables a disabled subscription: it stays failing until a delivery succeeds. Answers the
/// ping's event id, to find it in the delivery log. No validator: ids only.
/// </summary>
public sealed record PingWebhookSubscription(GroupId GroupId, Guid SubscriptionId)
    : WebhookSubscriptionCommand<WebhookPingDto>(GroupId, SubscriptionId);

public sealed record WebhookPingDto(Guid EventId);

public sealed class PingWebhookSubscriptionHandler(
    IApplicationDbContext db,
    WebhookAccess access,
    TimeProvider clock
) : ICommandHandler<PingWebhookSubscription, WebhookPingDto>
{
    public const string EventType = "webhook.ping";

    public async ValueTask<WebhookPingDto> Handle(
        PingWebhookSubscription command,
        CancellationToken cancellationToken
    )
    {
        var subscription = await access.FindAsync(command, cancellationToken);
        var now = clock.GetUtcNow();
        subscription.Enable(now);
        var eventId = Guid.CreateVersion7(now);
        var body = new JsonObject
        {
            ["id"] = eventId.ToString(),
            ["type"] = EventType,
            ["version"] = 1,
            ["timestamp"] = now.UtcDateTime.ToString(
                "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
                CultureInfo.InvariantCulture
            ),
            ["data"] = new JsonObject
            {
                ["groupId"] = command.GroupId.Value.ToString(),
                ["subscriptionId"] = subscription.Id.ToString(),
            },
        };
        db.WebhookDeliveries.Add(
            WebhookDelivery.Create(subscription.Id, eventId, EventType, body.ToJsonString(), now)
        );
        return new WebhookPingDto(eventId);
    }
}
