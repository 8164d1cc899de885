using Ledger.Domain.Common;

namespace Ledger.Domain.Recurrence;

/// <summary>
/// When a recurring expense occurs: every <see cref="Interval"/> days, weeks (on chosen
/// weekdays), months or years from <see cref="Start"/>, until an end date or a number of
/// occurrences, as dates of the group's calendar. Each occurrence is computed from the anchor,
/// never from the previous one, so nothing drifts: a rule anchored on the 31st falls on the last
/// day of shorter months and is back on the 31st the month after; one anchored on 29 February
/// falls on 28 February in other years.
/// </summary>
public sealed record RecurrenceRule
{
    public const int MaxInterval = 366;
    public const int MaxOccurrencesLimit = 10_000;

    private RecurrenceRule(
        RecurrenceFrequency frequency,
        int interval,
        DateOnly start,
        IReadOnlyList<DayOfWeek> weekdays,
        DateOnly? until,
        int? maxOccurrences
    )
    {
        Frequency = frequency;
        Interval = interval;
        Start = start;
        Weekdays = weekdays;
        Until = until;
        MaxOccurrences = maxOccurrences;
    }

    public RecurrenceFrequency Frequency { get; }
    public int Interval { get; }

    /// <summary>The first possible occurrence, and the anchor of monthly and yearly rules.</summary>
    public DateOnly Start { get; }

    /// <summary>Weekly rules only: the days of each matching week, Monday first.</summary>
    public IReadOnlyList<DayOfWeek> Weekdays { get; }

    /// <summary>The last date an occurrence may fall on (inclusive).</summary>
    public DateOnly? Until { get; }

    /// <summary>How many occurrences there are at most, counted from the start.</summary>
    public int? MaxOccurrences { get; }

    public static RecurrenceRule Create(
        RecurrenceFrequency frequency,
        int interval,
        DateOnly start,
        IReadOnlyCollection<DayOfWeek>? weekdays = null,
        DateOnly? until = null,
        int? maxOccurrences = null
    )
    {
        if (!Enum.IsDefined(frequency))
        {
            throw new DomainValidationException(
                "recurrence.frequency",
                "The frequency is daily, weekly, monthly or yearly."
            );
        }

        if (interval is < 1 or > MaxInterval)
        {
            throw new DomainValidationException(
                "recurrence.interval",
                $"The interval is between 1 and {MaxInterval}."
            );
        }

        if (until is not null && maxOccurrences is not null)
        {
            throw new DomainValidationException(
                "recurrence.end",
                "A rule ends on a date or after a number of occurrences, not both."
            );
        }

        if (until is { } end && end < start)
        {
            throw new DomainValidationException(
                "recurrence.until",
                "The end date is on or after the start date."
            );
        }

        if (maxOccurrences is < 1 or > MaxOccurrencesLimit)
        {
            throw new DomainValidationException(
                "recurrence.max-occurrences",
                $"The number of occurrences is between 1 and {MaxOccurrencesLimit}."
            );
        }

        return new RecurrenceRule(
            frequency,
            interval,
            start,
            WeekdaysFor(frequency, start, weekdays),
            until,
            maxOccurrences
        );
    }

    /// <summary>Every occurrence in order, from the start to the end of the rule (if it has one).</summary>
    public IEnumerable<DateOnly> Occurrences()
    {
        var count = 0;
        foreach (var date in Candidates())
        {
            if (Until is { } until && date > until)
            {
                yield break;
            }

            if (MaxOccurrences is { } max && count >= max)
            {
                yield break;
            }

            count++;
            yield return date;
        }
    }

    /// <summary>The occurrences falling in (<paramref name="after"/>, <paramref name="through"/>], oldest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<DateOnly> Between(DateOnly? after, DateOnly through, int limit) =>
        Occurrences()
            .SkipWhile(d => after is { } a && d <= a)
            .TakeWhile(d => d <= through)
            .Take(limit)
            .ToList();

    /// <summary>The next <paramref name="count"/> occurrences on or after <paramref name="from"/>.</summary>
    public IReadOnlyList<DateOnly> Preview(DateOnly from, int count) =>
        Occurrences().SkipWhile(d => d < from).Take(count).ToList();

    private IEnumerable<DateOnly> Candidates() =>
        Frequency switch
        {
            RecurrenceFrequency.Daily => Forever(k => Start.AddDays(checked(k * Interval))),
            RecurrenceFrequency.Weekly => WeeklyCandidates(),
            RecurrenceFrequency.Monthly => Forever(k => MonthFromAnchor(checked(k * Interval))),
            _ => Forever(k => MonthFromAnchor(checked(k * Interval * 12))),
        };

    private IEnumerable<DateOnly> WeeklyCandidates()
    {
        var firstMonday = Start.AddDays(-DaysSinceMonday(Start.DayOfWeek));
        // Stop a full period before the end of the calendar (year 9999).
        var lastMonday = DateOnly.MaxValue.AddDays(-7 * (Interval + 1));
        for (var week = 0; ; week += Interval)
        {
            if (firstMonday.DayNumber + (long)week * 7 > lastMonday.DayNumber)
            {
                yield break;
            }

            var monday = firstMonday.AddDays(week * 7);
            foreach (var day in Weekdays)
            {
                var date = monday.AddDays(DaysSinceMonday(day));
                if (date >= Start)
                {
                    yield return date;
                }
            }
        }
    }

    /// <summary>The anchor's day in the month <paramref name="months"/> after the start, or that month's last day.</summary>
    private DateOnly MonthFromAnchor(int months)
    {
        var first = new DateOnly(Start.Year, Start.Month, 1).AddMonths(months);
        var day = Math.Min(Start.Day, DateTime.DaysInMonth(first.Year, first.Month));
        return new DateOnly(first.Year, first.Month, day);
    }

    private static IEnumerable<DateOnly> Forever(Func<int, DateOnly> occurrence)
    {
        for (var k = 0; ; k++)
        {
            DateOnly date;
            try
            {
                date = occurrence(k);
            }
            catch (ArgumentOutOfRangeException)
            {
                // Past the end of the calendar (year 9999): the rule has no more occurrences.
                yield break;
            }

            yield return date;
        }
    }

    private static List<DayOfWeek> WeekdaysFor(
        RecurrenceFrequency frequency,
        DateOnly start,
        IReadOnlyCollection<DayOfWeek>? weekdays
    )
    {
        if (frequency != RecurrenceFrequency.Weekly)
        {
            return weekdays is { Count: > 0 }
                ? throw new DomainValidationException(
                    "recurrence.weekdays",
                    "Weekdays apply to weekly rules only."
                )
                : [];
        }

        if (weekdays is null || weekdays.Count == 0)
        {
            return [start.DayOfWeek];
        }

        if (weekdays.Any(d => !Enum.IsDefined(d)))
        {
            throw new DomainValidationException("recurrence.weekdays", "A weekday is not valid.");
        }

        return weekdays.Distinct().OrderBy(DaysSinceMonday).ToList();
    }

    private static int DaysSinceMonday(DayOfWeek day) => ((int)day + 6) % 7;

    public bool Equals(RecurrenceRule? other) =>
        other is not null
        && Frequency == other.Frequency
        && Interval == other.Interval
        && Start == other.Start
        && Weekdays.SequenceEqual(other.Weekdays)
        && Until == other.Until
        && MaxOccurrences == other.MaxOccurrences;

    public override int GetHashCode() =>
        HashCode.Combine(Frequency, Interval, Start, Until, MaxOccurrences, Weekdays.Count);
}
