using Ledger.Domain.Common;

namespace Ledger.Domain.Recurrence;

/// <summary>
/// Dates and times as a group lives them: recurrence rules speak in the group's calendar days,
/// and an occurrence is due at a local time of day in the group's IANA time zone, whatever the
/// daylight-saving offset is that day.
/// </summary>
public sealed class GroupCalendar
{
    private readonly TimeZoneInfo _zone;

    public GroupCalendar(string timeZoneId) =>
        _zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZones.Require(timeZoneId));

    /// <summary>The group's date at the instant <paramref name="now"/>.</summary>
    public DateOnly Today(DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _zone).DateTime);

    /// <summary>
    /// The instant the local time <paramref name="at"/> of <paramref name="date"/> happens. A
    /// time skipped by a spring-forward change happens as late as the gap (02:30 becomes 03:30);
    /// a time that happens twice in a fall-back change counts the first time (summer time).
    /// </summary>
    public DateTimeOffset InstantOf(DateOnly date, TimeOnly at)
    {
        var local = date.ToDateTime(at, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(local))
        {
            // The gap is the offset change around it (one hour almost everywhere).
            var gap =
                _zone.GetUtcOffset(local.AddHours(6)) - _zone.GetUtcOffset(local.AddHours(-6));
            local = local.Add(gap.Duration());
        }

        var offset = _zone.IsAmbiguousTime(local)
            ? _zone.GetAmbiguousTimeOffsets(local).Max()
            : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
