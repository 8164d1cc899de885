using Ledger.Application.Webhooks;
using Ledger.Application.Webhooks.Commands.CreateWebhookSubscription;
using Ledger.Application.Webhooks.Commands.DeleteWebhookSubscription;
using Ledger.Application.Webhooks.Commands.PingWebhookSubscription;
using Ledger.Application.Webhooks.Commands.RedeliverWebhookEvent;
using Ledger.Application.Webhooks.Commands.RotateWebhookSecret;
using Ledger.Application.Webhooks.Queries.ListWebhookDeliveries;
using Ledger.Application.Webhooks.Queries.ListWebhookSubscriptions;
using Ledger.Domain.Common;
using Ledger.WebApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Endpoints;

/// <summary>
/// A group's webhook subscriptions (docs/webhooks.md): owners, and partners with a grant on the
/// group, each managing their own.
/// </summary>
public static class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/groups/{groupId:guid}/webhooks").WithTags("Webhooks");
        webhooks.MapPost("/", CreateWebhookSubscription);
        webhooks.MapGet("/", ListWebhookSubscriptions);
        webhooks.MapDelete("/{subscriptionId:guid}", DeleteWebhookSubscription);
        webhooks.MapPost("/{subscriptionId:guid}/rotate-secret", RotateWebhookSecret);
        webhooks.MapPost("/{subscriptionId:guid}/ping", PingWebhookSubscription);
        webhooks.MapGet("/{subscriptionId:guid}/deliveries", ListWebhookDeliveries);
        webhooks.MapPost(
            "/{subscriptionId:guid}/deliveries/{eventId:guid}/redeliver",
            RedeliverWebhookEvent
        );
        return webhooks;
    }

    /// <summary>A new signing secret, shown once; the old one keeps signing beside it for a while.</summary>
    public static Task<Ok<RotatedWebhookSecretDto>> RotateWebhookSecret(
        GroupId groupId,
        Guid subscriptionId,
        ApiCall call
    ) => call.Ok(new RotateWebhookSecret(groupId, subscriptionId));

    /// <summary>Queues a signed <c>webhook.ping</c> event (and re-enables a disabled subscription).</summary>
    public static async Task<Accepted<WebhookPingDto>> PingWebhookSubscription(
        GroupId groupId,
        Guid subscriptionId,
        ApiCall call
    ) =>
        TypedResults.Accepted(
            (string?)null,
            await call.Send(new PingWebhookSubscription(groupId, subscriptionId))
        );

    /// <summary>The subscription's delivery log, newest attempt first.</summary>
    public static Task<Ok<IReadOnlyList<WebhookDeliveryAttemptDto>>> ListWebhookDeliveries(
        GroupId groupId,
        Guid subscriptionId,
        ApiCall call
    ) => call.Ok(new ListWebhookDeliveries(groupId, subscriptionId));

    /// <summary>Queues one event again for the subscription, with the same event id.</summary>
    public static async Task<Accepted> RedeliverWebhookEvent(
        GroupId groupId,
        Guid subscriptionId,
        Guid eventId,
        ApiCall call
    )
    {
        await call.Send(new RedeliverWebhookEvent(groupId, subscriptionId, eventId));
        return TypedResults.Accepted((string?)null);
    }

    public static Task<Created<CreatedWebhookSubscriptionDto>> CreateWebhookSubscription(
        GroupId groupId,
        CreateWebhookSubscriptionRequest body,
        ApiCall call
    ) =>
        call.Created(
            new CreateWebhookSubscription(groupId, body.Url),
            created => $"/api/v1/groups/{groupId}/webhooks/{created.Id}"
        );

    public static Task<Ok<IReadOnlyList<WebhookSubscriptionDto>>> ListWebhookSubscriptions(
        GroupId groupId,
        ApiCall call
    ) => call.Ok(new ListWebhookSubscriptions(groupId));

    public static Task<NoContent> DeleteWebhookSubscription(
        GroupId groupId,
        Guid subscriptionId,
        ApiCall call
    ) => call.NoContent(new DeleteWebhookSubscription(groupId, subscriptionId));
}

public sealed record CreateWebhookSubscriptionRequest(string Url);
