using Ledger.Domain.Common;

namespace Ledger.Domain.Integrations;

/// <summary>
/// A domain event as it leaves the process: written in the transaction of the change that raised
/// it (so it exists exactly when the change committed) and relayed by the worker afterwards.
/// <see cref="Id"/> is the event id partners see (<c>webhook-id</c>); <see cref="Position"/> is
/// assigned by the database and orders events for delivery.
/// </summary>
public sealed class OutboxMessage
{
    public const int TypeMaxLength = 100;

    private OutboxMessage()
    {
        Type = string.Empty;
        Payload = string.Empty;
    }

    public Guid Id { get; private init; }

    /// <summary>Database-assigned, increasing in insertion order.</summary>
    public long Position { get; private init; }

    /// <summary>The stable, dotted event type partners subscribe to, such as <c>expense.created</c>.</summary>
    public string Type { get; private init; }

    /// <summary>The payload schema version of <see cref="Type"/>.</summary>
    public int Version { get; private init; }

    /// <summary>The group the event belongs to; subscriptions are per group.</summary>
    public GroupId? GroupId { get; private init; }

    /// <summary>The event's JSON payload: ids, amounts as strings, currency, actor ids, versions; never personal data.</summary>
    public string Payload { get; private init; }

    public DateTimeOffset OccurredAt { get; private init; }

    /// <summary>When the relay handed the event to every subscription (queued its deliveries).</summary>
    public DateTimeOffset? ProcessedAt { get; private set; }

    public static OutboxMessage Create(
        string type,
        int version,
        GroupId? groupId,
        string payload,
        DateTimeOffset occurredAt
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(type.Length, TypeMaxLength);
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(occurredAt),
            Type = type,
            Version = version,
            GroupId = groupId,
            Payload = payload,
            OccurredAt = occurredAt,
        };
    }

    public void MarkProcessed(DateTimeOffset at) => ProcessedAt ??= at;
}
