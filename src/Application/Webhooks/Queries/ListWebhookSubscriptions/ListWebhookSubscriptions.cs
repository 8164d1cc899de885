namespace Ledger.Application.Webhooks.Queries.ListWebhookSubscriptions;

/// <summary>The caller's subscriptions of the group (owners: the owners'; a partner: its own), without secrets.</summary>
public sealed record ListWebhookSubscriptions(GroupId GroupId)
    : GroupReadQuery<IReadOnlyList<WebhookSubscriptionDto>>(GroupId);

public sealed class ListWebhookSubscriptionsHandler(WebhookAccess access)
    : IQueryHandler<ListWebhookSubscriptions, IReadOnlyList<WebhookSubscriptionDto>>
{
    public async ValueTask<IReadOnlyList<WebhookSubscriptionDto>> Handle(
        ListWebhookSubscriptions query,
        CancellationToken cancellationToken
    )
    {
        var caller = await access.EnsureAsync(query.GroupId, cancellationToken);
        var subscriptions = await access
            .Visible(query.GroupId, caller)
            .AsNoTracking()
            .OrderBy(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
        return [.. subscriptions.Select(WebhookSubscriptionDto.From)];
    }
}
