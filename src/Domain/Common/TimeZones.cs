namespace Ledger.Domain.Common;

/// <summary>IANA time zone ids, checked against the system's time zone database.</summary>
public static class TimeZones
{
    public static string Require(string timeZoneId)
    {
        if (
            string.IsNullOrWhiteSpace(timeZoneId)
            || timeZoneId.Length > 64
            || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone)
            || !zone.HasIanaId
        )
        {
            throw new DomainValidationException(
                "timezone.unknown",
                "The time zone is not a known IANA time zone id."
            );
        }

        return zone.Id;
    }
}
