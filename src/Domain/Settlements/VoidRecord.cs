using Ledger.Domain.Audit;
using Ledger.Domain.Common;

namespace Ledger.Domain.Settlements;

/// <summary>The rules every void of a financial record follows: a known actor and a reason.</summary>
internal static class VoidRecord
{
    public static string RequireReason(string? reason, string code)
    {
        reason = reason?.Trim() ?? string.Empty;
        if (reason.Length is 0 or > AuditEvent.ReasonMaxLength)
        {
            throw new DomainValidationException(
                code,
                $"reason: voiding needs a reason of 1 to {AuditEvent.ReasonMaxLength} characters.",
                "reason"
            );
        }

        return reason;
    }

    public static void RequireActor(Actor by, string code)
    {
        if (!by.IsKnown)
        {
            throw new DomainValidationException(code, "Voiding needs an actor.");
        }
    }
}
