using Ledger.Domain.Audit;

namespace Ledger.Domain.Common;

/// <summary>
/// Who voided a financial record (an expense, a settlement, a split payment), when and why. The
/// rules every void follows live here once: a known actor and a reason of 1 to
/// <see cref="AuditEvent.ReasonMaxLength"/> characters. Stored as an optional EF Core complex type
/// onto the record's <c>voided_at</c>, <c>voided_by_user_id</c>, <c>voided_by_client_id</c> and
/// <c>void_reason</c> columns: null while the record counts.
/// </summary>
public sealed record VoidRecord
{
    private VoidRecord() => Reason = string.Empty;

    public DateTimeOffset At { get; private init; }
    public Actor By { get; private init; }
    public string Reason { get; private init; }

    /// <param name="record">The voided record's rule prefix (<c>expense</c>, <c>settlement</c>…).</param>
    internal static VoidRecord Of(Actor by, string? reason, DateTimeOffset now, string record)
    {
        reason = reason?.Trim() ?? string.Empty;
        if (reason.Length is 0 or > AuditEvent.ReasonMaxLength)
        {
            throw new DomainValidationException(
                $"{record}.void-reason",
                $"reason: voiding needs a reason of 1 to {AuditEvent.ReasonMaxLength} characters.",
                "reason"
            );
        }

        if (!by.IsKnown)
        {
            throw new DomainValidationException($"{record}.voided-by", "Voiding needs an actor.");
        }

        return new VoidRecord
        {
            At = now,
            By = by,
            Reason = reason,
        };
    }
}
