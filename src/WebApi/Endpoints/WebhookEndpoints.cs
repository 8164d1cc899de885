using Ledger.Application.Webhooks;
using Ledger.Application.Webhooks.Commands.CreateWebhookSubscription;
using Ledger.Application.Webhooks.Commands.DeleteWebhookSubscription;
using Ledger.Application.Webhooks.Commands.PingWebhookSubscription;
using Ledger.Application.Webhooks.Commands.RedeliverWebhookEvent;
using Ledger.Application.Webhooks.Commands.RotateWebhookSecret;
using Ledger.Application.Webhooks.Queries.ListWebhookDeliveries;
using Ledger.Application.Webhooks.Queries.ListWebhookSubscriptions;
using Ledger.Domain.Common;
using Mediator;
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
        webhooks.MapPost("/", CreateWebhookSubscription).Named(nameof(CreateWebhookSubscription));
        webhooks.MapGet("/", ListWebhookSubscriptions).Named(nameof(ListWebhookSubscriptions));
        webhooks
            .MapDelete("/{subscriptionId:guid}", DeleteWebhookSubscription)
            .Named(nameof(DeleteWebhookSubscription));
        webhooks
            .MapPost("/{subscriptionId:guid}/rotate-secret", RotateWebhookSecret)
            .Named(nameof(RotateWebhookSecret));
        webhooks
            .MapPost("/{subscriptionId:guid}/ping", PingWebhookSubscription)
            .Named(nameof(PingWebhookSubscription));
        webhooks
            .MapGet("/{subscriptionId:guid}/deliveries", ListWebhookDeliveries)
            .Named(nameof(ListWebhookDeliveries));
        webhooks
            .MapPost(
                "/{subscriptionId:guid}/deliveries/{eventId:guid}/redeliver",
                RedeliverWebhookEvent
            )
            .Named(nameof(RedeliverWebhookEvent));
        return webhooks;
    }

    /// <summary>A new signing secret, shown once; the old one keeps signing beside it for a while.</summary>
    public static async Task<Ok<RotatedWebhookSecretDto>> RotateWebhookSecret(
        Guid groupId,
        Guid subscriptionId,
        ISender sender,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            await sender.Send(
                new RotateWebhookSecret(GroupId.From(groupId), subscriptionId),
                cancellationToken
            )
        );

    /// <summary>Queues a signed <c>webhook.ping</c> event (and re-enables a disabled subscription).</summary>
    public static async Task<Accepted<WebhookPingDto>> PingWebhookSubscription(
        Guid groupId,
        Guid subscriptionId,
        ISender sender,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Accepted(
            (string?)null,
            await sender.Send(
                new PingWebhookSubscription(GroupId.From(groupId), subscriptionId),
                cancellationToken
            )
        );

    /// <summary>The subscription's delivery log, newest attempt first.</summary>
    public static async Task<Ok<IReadOnlyList<WebhookDeliveryAttemptDto>>> ListWebhookDeliveries(
        Guid groupId,
        Guid subscriptionId,
        ISender sender,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            await sender.Send(
                new ListWebhookDeliveries(GroupId.From(groupId), subscriptionId),
                cancellationToken
            )
        );

    /// <summary>Queues one event again for the subscription, with the same event id.</summary>
    public static async Task<Accepted> RedeliverWebhookEvent(
        Guid groupId,
        Guid subscriptionId,
        Guid eventId,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        await sender.Send(
            new RedeliverWebhookEvent(GroupId.From(groupId), subscriptionId, eventId),
            cancellationToken
        );
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Created<CreatedWebhookSubscriptionDto>> CreateWebhookSubscription(
        Guid groupId,
        CreateWebhookSubscriptionRequest body,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        var created = await sender.Send(
            new CreateWebhookSubscription(GroupId.From(groupId), body.Url),
            cancellationToken
        );
        return TypedResults.Created($"/api/v1/groups/{groupId}/webhooks/{created.Id}", created);
    }

    public static async Task<Ok<IReadOnlyList<WebhookSubscriptionDto>>> ListWebhookSubscriptions(
        Guid groupId,
        ISender sender,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            await sender.Send(
                new ListWebhookSubscriptions(GroupId.From(groupId)),
                cancellationToken
            )
        );

    public static async Task<NoContent> DeleteWebhookSubscription(
        Guid groupId,
        Guid subscriptionId,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        await sender.Send(
            new DeleteWebhookSubscription(GroupId.From(groupId), subscriptionId),
            cancellationToken
        );
        return TypedResults.NoContent();
    }
}

public sealed record CreateWebhookSubscriptionRequest(string Url);
