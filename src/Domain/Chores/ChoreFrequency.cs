using Ledger.Domain.Common;

namespace Ledger.Domain.Chores;

public enum FrequencyKind
{
    Once = 0,
    Daily = 1,
    Weekly = 2,
    Monthly = 3,
    EveryNDays = 4,
}

/// <summary>
/// When a chore falls due. Occurrences are calendar dates in the chore's time zone, never
/// instants plus 24 hours, so daylight-saving changes cannot skip or repeat a day. A monthly
/// rule on a day the month lacks (the 31st in April, the 29th–31st in February) falls on the
/// month's last day, and returns to its day in the next month that has it (no drift).
/// </summary>
public sealed record ChoreFrequency
{
    public const int MaxIntervalDays = 365;

    private ChoreFrequency() { }

    public FrequencyKind Kind { get; private init; }

    /// <summary>Weekly rules: one bit per chosen weekday, <c>1 &lt;&lt; (int)DayOfWeek</c>; 0 otherwise.</summary>
    public int WeekdayMask { get; private init; }

    /// <summary>Monthly rules: the day of the month, 1 to 31.</summary>
    public int? DayOfMonth { get; private init; }

    /// <summary>Every-N-days rules: N, 1 to <see cref="MaxIntervalDays"/>.</summary>
    public int? IntervalDays { get; private init; }

    public bool IsRecurring => Kind != FrequencyKind.Once;

    public IReadOnlyList<DayOfWeek> Weekdays =>
        Enum.GetValues<DayOfWeek>().Where(d => (WeekdayMask & (1 << (int)d)) != 0).ToList();

    public static ChoreFrequency Once() => new() { Kind = FrequencyKind.Once };

    public static ChoreFrequency Daily() => new() { Kind = FrequencyKind.Daily };

    public static ChoreFrequency Weekly(IEnumerable<DayOfWeek> weekdays)
    {
        var mask = 0;
        foreach (var day in weekdays)
        {
            if (!Enum.IsDefined(day))
            {
                throw Invalid("frequency.weekdays", "weekdays: not a day of the week.");
            }

            mask |= 1 << (int)day;
        }

        return mask == 0
            ? throw Invalid("frequency.weekdays", "weekdays: choose at least one weekday.")
            : new ChoreFrequency { Kind = FrequencyKind.Weekly, WeekdayMask = mask };
    }

    public static ChoreFrequency Monthly(int dayOfMonth) =>
        dayOfMonth is < 1 or > 31
            ? throw Invalid("frequency.day-of-month", "dayOfMonth: a day of the month is 1 to 31.")
            : new ChoreFrequency { Kind = FrequencyKind.Monthly, DayOfMonth = dayOfMonth };

    public static ChoreFrequency EveryNDays(int days) =>
        days is < 1 or > MaxIntervalDays
            ? throw Invalid(
                "frequency.interval",
                $"intervalDays: a chore repeats every 1 to {MaxIntervalDays} days."
            )
            : new ChoreFrequency { Kind = FrequencyKind.EveryNDays, IntervalDays = days };

    /// <summary>The first occurrence on or after <paramref name="date"/> (the date itself for once, daily and every-N-days rules, which start where they are anchored).</summary>
    public DateOnly FirstOnOrAfter(DateOnly date) =>
        Kind switch
        {
            FrequencyKind.Weekly => FirstChosenWeekday(date),
            FrequencyKind.Monthly => FirstMonthlyOnOrAfter(date),
            _ => date,
        };

    /// <summary>The occurrence after <paramref name="occurrence"/>; null for a one-off chore.</summary>
    public DateOnly? NextAfter(DateOnly occurrence) =>
        Kind switch
        {
            FrequencyKind.Once => null,
            FrequencyKind.EveryNDays => occurrence.AddDays(IntervalDays!.Value),
            _ => FirstOnOrAfter(occurrence.AddDays(1)),
        };

    private DateOnly FirstChosenWeekday(DateOnly date)
    {
        for (var offset = 0; offset < 7; offset++)
        {
            var candidate = date.AddDays(offset);
            if ((WeekdayMask & (1 << (int)candidate.DayOfWeek)) != 0)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("A weekly rule has at least one weekday.");
    }

    private DateOnly FirstMonthlyOnOrAfter(DateOnly date)
    {
        var inThisMonth = MonthlyOccurrenceIn(date.Year, date.Month);
        if (inThisMonth >= date)
        {
            return inThisMonth;
        }

        var nextMonth = date.AddMonths(1);
        return MonthlyOccurrenceIn(nextMonth.Year, nextMonth.Month);
    }

    private DateOnly MonthlyOccurrenceIn(int year, int month) =>
        new(year, month, Math.Min(DayOfMonth!.Value, DateTime.DaysInMonth(year, month)));

    private static DomainValidationException Invalid(string code, string message) =>
        new(code, message, "frequency");
}
