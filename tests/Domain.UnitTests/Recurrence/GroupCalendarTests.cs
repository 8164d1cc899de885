using AwesomeAssertions;
using Ledger.Domain.Recurrence;

namespace Ledger.Domain.UnitTests.Recurrence;

/// <summary>Occurrences are due at a local time in the group's zone, across daylight-saving changes.</summary>
public sealed class GroupCalendarTests
{
    private static readonly GroupCalendar Berlin = new("Europe/Berlin");

    [Test]
    public void Should_keep_the_local_time_across_the_spring_change_while_the_utc_time_moves()
    {
        var before = Berlin.InstantOf(new DateOnly(2026, 3, 28), new TimeOnly(9, 0));
        var after = Berlin.InstantOf(new DateOnly(2026, 3, 29), new TimeOnly(9, 0));

        before.Should().Be(new DateTimeOffset(2026, 3, 28, 8, 0, 0, TimeSpan.Zero));
        after.Should().Be(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public void Should_move_a_time_that_does_not_exist_in_the_spring_gap_forward_by_the_gap()
    {
        var instant = Berlin.InstantOf(new DateOnly(2026, 3, 29), new TimeOnly(2, 30));

        // 02:30 never happens; 03:30 CEST does, which is 01:30 UTC.
        instant.Should().Be(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero));
    }

    [Test]
    public void Should_take_the_first_of_two_identical_local_times_in_the_autumn_change()
    {
        var instant = Berlin.InstantOf(new DateOnly(2026, 10, 25), new TimeOnly(2, 30));

        // 02:30 happens at 00:30 UTC (summer time) and again at 01:30 UTC: the first counts.
        instant.Should().Be(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero));
    }

    [Test]
    public void Should_tell_the_group_date_in_its_own_zone()
    {
        var instant = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero);

        Berlin.Today(instant).Should().Be(new DateOnly(2027, 1, 1));
        new GroupCalendar("America/Los_Angeles")
            .Today(instant)
            .Should()
            .Be(new DateOnly(2026, 12, 31));
    }

    [Test]
    public void Should_make_a_month_end_rule_due_once_per_local_month_end_across_dst()
    {
        var rule = RecurrenceRule.Create(RecurrenceFrequency.Monthly, 1, new DateOnly(2026, 1, 31));

        var dueTimes = rule.Occurrences()
            .Take(12)
            .Select(date => Berlin.InstantOf(date, new TimeOnly(8, 0)))
            .ToList();

        dueTimes.Should().OnlyHaveUniqueItems().And.BeInAscendingOrder();
        dueTimes
            .Select(instant =>
                TimeZoneInfo.ConvertTime(
                    instant,
                    TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")
                )
            )
            .Should()
            .OnlyContain(local => local.Hour == 8 && local.AddDays(1).Day == 1);
    }
}
