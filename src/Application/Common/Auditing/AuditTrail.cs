using Ledger.Domain.Audit;

namespace Ledger.Application.Common.Auditing;

/// <summary>
/// Appends audit events for the current principal to the unit of work, so that they commit or
/// roll back together with the change they describe.
/// </summary>
public sealed class AuditTrail(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    TimeProvider clock
)
{
    public void Record(
        string action,
        string recordType,
        object recordId,
        GroupId? groupId,
        string? reason = null
    ) =>
        db.AuditEvents.Add(
            AuditEvent.Record(
                principal.UserId,
                principal.ClientId,
                action,
                recordType,
                recordId.ToString() ?? string.Empty,
                groupId,
                clock.GetUtcNow(),
                reason
            )
        );
}
