using AwesomeAssertions;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;

namespace Ledger.Domain.UnitTests.Chores;

/// <summary>
/// Daylight-saving changes (2026: Europe/Berlin on 29 March and 25 October, America/New_York on
/// 8 March and 1 November) move the offset, never which date it is or which occurrence is due.
/// </summary>
public sealed class ChoreCalendarTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    // Berlin, spring forward: 02:00 CET becomes 03:00 CEST at 01:00 UTC; the day has 23 hours.
    [TestCase("Europe/Berlin", 3, 28, 22, 59, 3, 28)]
    [TestCase("Europe/Berlin", 3, 28, 23, 0, 3, 29)]
    [TestCase("Europe/Berlin", 3, 29, 21, 59, 3, 29)]
    [TestCase("Europe/Berlin", 3, 29, 22, 0, 3, 30)]
    // Berlin, fall back: 03:00 CEST becomes 02:00 CET at 01:00 UTC; the day has 25 hours.
    [TestCase("Europe/Berlin", 10, 24, 21, 59, 10, 24)]
    [TestCase("Europe/Berlin", 10, 24, 22, 0, 10, 25)]
    [TestCase("Europe/Berlin", 10, 25, 22, 59, 10, 25)]
    [TestCase("Europe/Berlin", 10, 25, 23, 0, 10, 26)]
    // New York, spring forward at 07:00 UTC.
    [TestCase("America/New_York", 3, 8, 4, 59, 3, 7)]
    [TestCase("America/New_York", 3, 8, 5, 0, 3, 8)]
    [TestCase("America/New_York", 3, 9, 3, 59, 3, 8)]
    [TestCase("America/New_York", 3, 9, 4, 0, 3, 9)]
    // New York, fall back at 06:00 UTC.
    [TestCase("America/New_York", 11, 1, 3, 59, 10, 31)]
    [TestCase("America/New_York", 11, 1, 4, 0, 11, 1)]
    [TestCase("America/New_York", 11, 2, 4, 59, 11, 1)]
    [TestCase("America/New_York", 11, 2, 5, 0, 11, 2)]
    public void Should_tell_the_local_date_on_both_sides_of_midnight_around_a_change(
        string zone,
        int month,
        int day,
        int hour,
        int minute,
        int localMonth,
        int localDay
    ) =>
        ChoreCalendar
            .DateIn(Utc(month, day, hour, minute), zone)
            .Should()
            .Be(new DateOnly(2026, localMonth, localDay));

    [TestCase("Europe/Berlin", 3, 27)]
    [TestCase("Europe/Berlin", 10, 23)]
    [TestCase("America/New_York", 3, 6)]
    [TestCase("America/New_York", 10, 30)]
    public void Should_assign_a_daily_chore_once_per_local_day_when_the_job_runs_every_hour_across_a_change(
        string zone,
        int month,
        int day
    )
    {
        var start = new DateOnly(2026, month, day);
        var createdAt = Utc(month, day, 12, 0);
        var chore = Chore.Create(
            Ownership.Personal(ChoreScenarios.Ana),
            new ChoreDefinition("Plants", null, ChoreFrequency.Daily(), ChoreRotation.Fixed, zone),
            [],
            new HashSet<UserId>(),
            start,
            ChoreCalendar.DateIn(createdAt, zone),
            ChoreScenarios.Ana,
            createdAt
        );

        // Nobody completes anything: each day's occurrence must be created by the job, once.
        for (var tick = createdAt; tick < createdAt.AddDays(5); tick = tick.AddMinutes(30))
        {
            chore.AssignDueOccurrence(ChoreCalendar.DateIn(tick, zone), ChoreScenarios.Job, tick);
        }

        chore
            .Assignments.Select(a => a.DueDate)
            .Should()
            .Equal(Enumerable.Range(0, 6).Select(start.AddDays));
        chore
            .Assignments.Skip(1)
            .Should()
            .OnlyContain(a => ChoreCalendar.DateIn(a.CreatedAt, zone) == a.DueDate);
    }

    [Test]
    public void Should_not_let_a_chore_fall_due_before_its_local_day_starts()
    {
        // 23:30 UTC on 28 March is already 29 March in Berlin, still 28 March in New York.
        var instant = Utc(3, 28, 23, 30);

        ChoreCalendar.DateIn(instant, "Europe/Berlin").Should().Be(new DateOnly(2026, 3, 29));
        ChoreCalendar.DateIn(instant, "America/New_York").Should().Be(new DateOnly(2026, 3, 28));
    }
}
