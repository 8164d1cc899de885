namespace Ledger.Domain.Integrations;

/// <summary>
/// One event on its way to one subscription (ADR 0032). The relay creates one per matching
/// subscription when it hands an outbox event on (fan-out), keeping the exact body it signs, so
/// a retry or a manual redelivery sends the same bytes with the same <see cref="EventId"/>
/// (<c>webhook-id</c>). <see cref="Sequence"/> is assigned by the database in fan-out order; a
/// subscription's deliveries are attempted strictly in that order.
/// </summary>
public sealed class WebhookDelivery
{
    public const int EventTypeMaxLength = OutboxMessage.TypeMaxLength;
    public const int BodyMaxLength = 8000;

    private WebhookDelivery()
    {
        EventType = string.Empty;
        Body = string.Empty;
    }

    public Guid Id { get; private init; }

    /// <summary>Database-assigned, increasing in the order deliveries were queued.</summary>
    public long Sequence { get; private init; }

    public Guid SubscriptionId { get; private init; }
    public Guid EventId { get; private init; }
    public string EventType { get; private init; }

    /// <summary>The JSON body exactly as signed and sent.</summary>
    public string Body { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public WebhookDeliveryStatus Status { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>A delivery queued by hand: a redelivery of an event, or a test ping.</summary>
    public static WebhookDelivery Create(
        Guid subscriptionId,
        Guid eventId,
        string eventType,
        string body,
        DateTimeOffset now
    ) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            SubscriptionId = subscriptionId,
            EventId = eventId,
            EventType = eventType,
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
            Status = WebhookDeliveryStatus.Pending,
        };

    public void Delivered(DateTimeOffset now)
    {
        Attempts++;
        Status = WebhookDeliveryStatus.Delivered;
        CompletedAt = now;
    }

    public void RetryAt(DateTimeOffset next)
    {
        Attempts++;
        NextAttemptAt = next;
    }

    public void GiveUp(DateTimeOffset now)
    {
        Attempts++;
        Status = WebhookDeliveryStatus.GivenUp;
        CompletedAt = now;
    }

    public void Cancel(DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Cancelled;
        CompletedAt = now;
    }
}

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its (next) attempt, or for the subscription's earlier deliveries.</summary>
    Pending = 0,

    Delivered = 1,

    /// <summary>Every retry failed for the retry period.</summary>
    GivenUp = 2,

    /// <summary>Not sent: the subscription was disabled, the partner's grant revoked or the group closed.</summary>
    Cancelled = 3,
}

/// <summary>
/// One attempt of a delivery, for the subscription's delivery log: when, the answer's status
/// code, how long it took and at most a short snippet of the answer (never more).
/// </summary>
public sealed class WebhookDeliveryAttempt
{
    public const int SnippetMaxLength = 200;
    public const int OutcomeMaxLength = 32;

    private WebhookDeliveryAttempt()
    {
        EventType = string.Empty;
        Outcome = string.Empty;
    }

    public Guid Id { get; private init; }
    public Guid DeliveryId { get; private init; }
    public Guid SubscriptionId { get; private init; }
    public Guid EventId { get; private init; }
    public string EventType { get; private init; }
    public int Attempt { get; private init; }
    public DateTimeOffset AttemptedAt { get; private init; }
    public int? StatusCode { get; private init; }
    public int DurationMs { get; private init; }

    /// <summary><c>delivered</c>, <c>http-error</c>, <c>timeout</c>, <c>connection-failed</c> or <c>address-refused</c>.</summary>
    public string Outcome { get; private init; }

    public string? ResponseSnippet { get; private init; }

    public static WebhookDeliveryAttempt Of(
        WebhookDelivery delivery,
        DateTimeOffset attemptedAt,
        int? statusCode,
        TimeSpan duration,
        string outcome,
        string? snippet
    ) =>
        new()
        {
            Id = Guid.CreateVersion7(attemptedAt),
            DeliveryId = delivery.Id,
            SubscriptionId = delivery.SubscriptionId,
            EventId = delivery.EventId,
            EventType = delivery.EventType,
            Attempt = delivery.Attempts,
            AttemptedAt = attemptedAt,
            StatusCode = statusCode,
            DurationMs = (int)Math.Min(int.MaxValue, Math.Round(duration.TotalMilliseconds)),
            Outcome = outcome.Length > OutcomeMaxLength ? outcome[..OutcomeMaxLength] : outcome,
            ResponseSnippet = snippet is { Length: > SnippetMaxLength }
                ? snippet[..SnippetMaxLength]
                : snippet,
        };
}
