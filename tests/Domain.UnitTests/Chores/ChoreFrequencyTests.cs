using AwesomeAssertions;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;

namespace Ledger.Domain.UnitTests.Chores;

public sealed class ChoreFrequencyTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static List<DateOnly> Occurrences(ChoreFrequency frequency, DateOnly from, int count)
    {
        var dates = new List<DateOnly> { frequency.FirstOnOrAfter(from) };
        while (dates.Count < count)
        {
            dates.Add(frequency.NextAfter(dates[^1])!.Value);
        }

        return dates;
    }

    [Test]
    public void Should_fall_on_the_last_day_of_short_months_and_return_to_the_31st()
    {
        var dates = Occurrences(ChoreFrequency.Monthly(31), D(2027, 1, 1), 7);

        dates
            .Should()
            .Equal(
                D(2027, 1, 31),
                D(2027, 2, 28),
                D(2027, 3, 31),
                D(2027, 4, 30),
                D(2027, 5, 31),
                D(2027, 6, 30),
                D(2027, 7, 31)
            );
    }

    [TestCase(29, 2027, 28)]
    [TestCase(29, 2028, 29)]
    [TestCase(30, 2028, 29)]
    [TestCase(28, 2027, 28)]
    public void Should_place_late_month_days_in_february(int day, int year, int expectedDay)
    {
        var dates = Occurrences(ChoreFrequency.Monthly(day), D(year, 1, 15), 3);

        dates.Should().Equal(D(year, 1, day), D(year, 2, expectedDay), D(year, 3, day));
    }

    [Test]
    public void Should_start_a_monthly_rule_next_month_when_its_day_has_passed()
    {
        ChoreFrequency.Monthly(10).FirstOnOrAfter(D(2026, 12, 11)).Should().Be(D(2027, 1, 10));
        ChoreFrequency.Monthly(10).FirstOnOrAfter(D(2026, 12, 10)).Should().Be(D(2026, 12, 10));
    }

    [Test]
    public void Should_cycle_through_the_chosen_weekdays()
    {
        var frequency = ChoreFrequency.Weekly([DayOfWeek.Thursday, DayOfWeek.Monday]);

        // 2026-03-03 is a Tuesday.
        var dates = Occurrences(frequency, D(2026, 3, 3), 5);

        dates
            .Should()
            .Equal(D(2026, 3, 5), D(2026, 3, 9), D(2026, 3, 12), D(2026, 3, 16), D(2026, 3, 19));
        dates
            .Select(d => d.DayOfWeek)
            .Distinct()
            .Should()
            .BeEquivalentTo([DayOfWeek.Monday, DayOfWeek.Thursday]);
        frequency.Weekdays.Should().Equal(DayOfWeek.Monday, DayOfWeek.Thursday);
    }

    [Test]
    public void Should_repeat_a_single_weekday_every_seven_days_across_the_year_end()
    {
        var dates = Occurrences(ChoreFrequency.Weekly([DayOfWeek.Sunday]), D(2026, 12, 20), 3);

        dates.Should().Equal(D(2026, 12, 20), D(2026, 12, 27), D(2027, 1, 3));
    }

    [Test]
    public void Should_step_daily_and_every_n_days_from_where_they_start()
    {
        Occurrences(ChoreFrequency.Daily(), D(2028, 2, 28), 3)
            .Should()
            .Equal(D(2028, 2, 28), D(2028, 2, 29), D(2028, 3, 1));
        Occurrences(ChoreFrequency.EveryNDays(10), D(2026, 12, 25), 3)
            .Should()
            .Equal(D(2026, 12, 25), D(2027, 1, 4), D(2027, 1, 14));
    }

    [Test]
    public void Should_have_no_occurrence_after_a_one_off()
    {
        var once = ChoreFrequency.Once();

        once.FirstOnOrAfter(D(2026, 5, 1)).Should().Be(D(2026, 5, 1));
        once.NextAfter(D(2026, 5, 1)).Should().BeNull();
        once.IsRecurring.Should().BeFalse();
    }

    [Test]
    public void Should_refuse_rules_that_never_or_impossibly_fall_due()
    {
        var noWeekday = () => ChoreFrequency.Weekly([]);
        var badDay = () => ChoreFrequency.Monthly(32);
        var zeroDay = () => ChoreFrequency.Monthly(0);
        var noInterval = () => ChoreFrequency.EveryNDays(0);
        var hugeInterval = () => ChoreFrequency.EveryNDays(ChoreFrequency.MaxIntervalDays + 1);

        foreach (
            var act in new Action[]
            {
                () => noWeekday(),
                () => badDay(),
                () => zeroDay(),
                () => noInterval(),
                () => hugeInterval(),
            }
        )
        {
            act.Should().Throw<DomainValidationException>().Which.Field.Should().Be("frequency");
        }
    }

    [Test]
    public void Should_compare_rules_by_value()
    {
        ChoreFrequency
            .Weekly([DayOfWeek.Monday])
            .Should()
            .Be(ChoreFrequency.Weekly([DayOfWeek.Monday]));
        ChoreFrequency.Monthly(3).Should().NotBe(ChoreFrequency.Monthly(4));
    }
}
