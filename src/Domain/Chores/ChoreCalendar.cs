namespace Ledger.Domain.Chores;

/// <summary>
/// The calendar a chore lives in: which local date an instant falls on in its time zone
/// (the group's, or the one a personal chore was given). Daylight-saving changes move the
/// offset, never the date arithmetic, which works on dates only.
/// </summary>
public static class ChoreCalendar
{
    public static DateOnly DateIn(DateTimeOffset instant, string timeZoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }
}
