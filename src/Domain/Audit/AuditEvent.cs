using Ledger.Domain.Common;

namespace Ledger.Domain.Audit;

/// <summary>
/// One append-only line of the audit trail: who (a user id or a client id, never an email),
/// did what, to which record, when, and why where a reason is required. The database refuses
/// updates and deletes of these rows.
/// </summary>
public sealed class AuditEvent
{
    public const int ReasonMaxLength = 500;

    private AuditEvent()
    {
        Action = string.Empty;
        RecordType = string.Empty;
        RecordId = string.Empty;
    }

    public AuditEventId Id { get; private init; }
    public GroupId? GroupId { get; private init; }
    public UserId? ActorUserId { get; private init; }
    public string? ActorClientId { get; private init; }
    public string Action { get; private init; }
    public string RecordType { get; private init; }
    public string RecordId { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }
    public string? Reason { get; private init; }

    public static AuditEvent Record(
        UserId? actorUserId,
        string? actorClientId,
        string action,
        string recordType,
        string recordId,
        GroupId? groupId,
        DateTimeOffset occurredAt,
        string? reason = null
    )
    {
        if (actorUserId is null && actorClientId is null)
        {
            throw new DomainValidationException("audit.actor", "An audit event needs an actor.");
        }

        if (reason is { Length: > ReasonMaxLength })
        {
            throw new DomainValidationException(
                "audit.reason",
                $"A reason has at most {ReasonMaxLength} characters."
            );
        }

        return new AuditEvent
        {
            Id = AuditEventId.New(),
            GroupId = groupId,
            ActorUserId = actorUserId,
            ActorClientId = actorClientId,
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            OccurredAt = occurredAt,
            Reason = reason,
        };
    }
}
