namespace Ledger.Application.Webhooks.Queries.ListWebhookDeliveries;

/// <summary>
/// The delivery log of one subscription, newest attempt first (at most 100): the event, the
/// attempt number, when, the answer's status code, how long it took, the outcome and at most a
/// 200-character snippet of the answer. Its owner only (strangers: 404).
/// </summary>
public sealed record ListWebhookDeliveries(GroupId GroupId, Guid SubscriptionId)
    : GroupReadQuery<IReadOnlyList<WebhookDeliveryAttemptDto>>(GroupId)
{
    public const int Limit = 100;
}

public sealed record WebhookDeliveryAttemptDto(
    Guid EventId,
    string EventType,
    int Attempt,
    DateTimeOffset AttemptedAt,
    int? StatusCode,
    int DurationMs,
    string Outcome,
    string? ResponseSnippet
);

public sealed class ListWebhookDeliveriesHandler(IApplicationDbContext db, WebhookAccess access)
    : IQueryHandler<ListWebhookDeliveries, IReadOnlyList<WebhookDeliveryAttemptDto>>
{
    public async ValueTask<IReadOnlyList<WebhookDeliveryAttemptDto>> Handle(
        ListWebhookDeliveries query,
        CancellationToken cancellationToken
    )
    {
        var caller = await access.EnsureAsync(query.GroupId, cancellationToken);
        var visible = await access
            .Visible(query.GroupId, caller)
            .AnyAsync(s => s.Id == query.SubscriptionId, cancellationToken);
        if (!visible)
        {
            throw new NotFoundException("webhook subscription");
        }

        return await db
            .WebhookDeliveryAttempts.AsNoTracking()
            .Where(a => a.SubscriptionId == query.SubscriptionId)
            .OrderByDescending(a => a.AttemptedAt)
            .ThenByDescending(a => a.Attempt)
            .Take(ListWebhookDeliveries.Limit)
            .Select(a => new WebhookDeliveryAttemptDto(
                a.EventId,
                a.EventType,
                a.Attempt,
                a.AttemptedAt,
                a.StatusCode,
                a.DurationMs,
                a.Outcome,
                a.ResponseSnippet
            ))
            .ToListAsync(cancellationToken);
    }
}
