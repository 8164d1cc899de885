using Ledger.Application.Webhooks;
using Ledger.Application.Webhooks.Commands.CreateWebhookSubscription;
using Ledger.Application.Webhooks.Commands.DeleteWebhookSubscription;
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
        return webhooks;
    }

    public static async Task<Created<CreatedWebhookSubscriptionDto>> CreateWebhookSubscription(
        Guid groupId,
        CreateWebhookSubscriptionRequest body,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        var created = await sender.Send(
            new CreateWebhookSubscription(new GroupId(groupId), body.Url),
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
            await sender.Send(new ListWebhookSubscriptions(new GroupId(groupId)), cancellationToken)
        );

    public static async Task<NoContent> DeleteWebhookSubscription(
        Guid groupId,
        Guid subscriptionId,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        await sender.Send(
            new DeleteWebhookSubscription(new GroupId(groupId), subscriptionId),
            cancellationToken
        );
        return TypedResults.NoContent();
    }
}

public sealed record CreateWebhookSubscriptionRequest(string Url);
