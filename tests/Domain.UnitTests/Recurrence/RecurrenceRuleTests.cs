using AwesomeAssertions;
using Ledger.Domain.Common;
using Ledger.Domain.Recurrence;
using static Ledger.Domain.Recurrence.RecurrenceFrequency;

namespace Ledger.Domain.UnitTests.Recurrence;

public sealed class RecurrenceRuleTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Test]
    public void Should_fall_on_the_last_day_of_shorter_months_and_return_to_the_31st()
    {
        var rule = RecurrenceRule.Create(Monthly, 1, D(2026, 1, 31));

        rule.Occurrences()
            .Take(8)
            .Should()
            .Equal(
                D(2026, 1, 31),
                D(2026, 2, 28),
                D(2026, 3, 31),
                D(2026, 4, 30),
                D(2026, 5, 31),
                D(2026, 6, 30),
                D(2026, 7, 31),
                D(2026, 8, 31)
            );
    }

    [Test]
    public void Should_use_the_29th_of_february_in_a_leap_year_for_a_rule_anchored_on_the_30th()
    {
        var rule = RecurrenceRule.Create(Monthly, 1, D(2027, 12, 30));

        rule.Occurrences()
            .Take(4)
            .Should()
            .Equal(D(2027, 12, 30), D(2028, 1, 30), D(2028, 2, 29), D(2028, 3, 30));
    }

    [Test]
    public void Should_keep_the_anchor_for_every_n_months()
    {
        var rule = RecurrenceRule.Create(Monthly, 3, D(2026, 8, 31));

        rule.Occurrences()
            .Take(5)
            .Should()
            .Equal(D(2026, 8, 31), D(2026, 11, 30), D(2027, 2, 28), D(2027, 5, 31), D(2027, 8, 31));
    }

    [Test]
    public void Should_fall_on_the_28th_of_february_outside_leap_years_for_a_yearly_rule_on_the_29th()
    {
        var rule = RecurrenceRule.Create(Yearly, 1, D(2028, 2, 29));

        rule.Occurrences()
            .Take(5)
            .Should()
            .Equal(D(2028, 2, 29), D(2029, 2, 28), D(2030, 2, 28), D(2031, 2, 28), D(2032, 2, 29));
    }

    [Test]
    public void Should_repeat_every_n_days()
    {
        var rule = RecurrenceRule.Create(Daily, 10, D(2026, 2, 25));

        rule.Occurrences().Take(3).Should().Equal(D(2026, 2, 25), D(2026, 3, 7), D(2026, 3, 17));
    }

    [Test]
    public void Should_fall_on_the_chosen_weekdays_of_every_other_week_from_the_start()
    {
        // 2026-03-04 is a Wednesday.
        var rule = RecurrenceRule.Create(
            Weekly,
            2,
            D(2026, 3, 4),
            [DayOfWeek.Friday, DayOfWeek.Monday]
        );

        rule.Occurrences()
            .Take(5)
            .Should()
            .Equal(D(2026, 3, 6), D(2026, 3, 16), D(2026, 3, 20), D(2026, 3, 30), D(2026, 4, 3));
        rule.Weekdays.Should().Equal(DayOfWeek.Monday, DayOfWeek.Friday);
    }

    [Test]
    public void Should_repeat_weekly_on_the_start_weekday_when_none_is_chosen()
    {
        var rule = RecurrenceRule.Create(Weekly, 1, D(2026, 3, 4));

        rule.Occurrences().Take(2).Should().Equal(D(2026, 3, 4), D(2026, 3, 11));
    }

    [Test]
    public void Should_stop_on_the_end_date_inclusive()
    {
        var rule = RecurrenceRule.Create(Monthly, 1, D(2026, 1, 15), until: D(2026, 4, 15));

        rule.Occurrences()
            .Should()
            .Equal(D(2026, 1, 15), D(2026, 2, 15), D(2026, 3, 15), D(2026, 4, 15));
    }

    [Test]
    public void Should_stop_after_the_maximum_number_of_occurrences()
    {
        var rule = RecurrenceRule.Create(
            Weekly,
            1,
            D(2026, 3, 2),
            [DayOfWeek.Monday, DayOfWeek.Thursday],
            maxOccurrences: 3
        );

        rule.Occurrences().Should().Equal(D(2026, 3, 2), D(2026, 3, 5), D(2026, 3, 9));
    }

    [Test]
    public void Should_preview_the_next_occurrences_from_a_date()
    {
        var rule = RecurrenceRule.Create(Monthly, 1, D(2026, 1, 31));

        rule.Preview(D(2026, 4, 1), 3)
            .Should()
            .Equal(D(2026, 4, 30), D(2026, 5, 31), D(2026, 6, 30));
        rule.Preview(D(2026, 4, 30), 1).Should().Equal(D(2026, 4, 30));
    }

    [Test]
    public void Should_list_the_missed_occurrences_after_the_last_generated_one_bounded()
    {
        var rule = RecurrenceRule.Create(Daily, 1, D(2026, 3, 1));

        rule.Between(after: D(2026, 3, 3), through: D(2026, 3, 10), limit: 4)
            .Should()
            .Equal(D(2026, 3, 4), D(2026, 3, 5), D(2026, 3, 6), D(2026, 3, 7));
        rule.Between(after: null, through: D(2026, 3, 2), limit: 10)
            .Should()
            .Equal(D(2026, 3, 1), D(2026, 3, 2));
    }

    [TestCase(0)]
    [TestCase(RecurrenceRule.MaxInterval + 1)]
    public void Should_refuse_an_interval_out_of_range(int interval)
    {
        var act = () => RecurrenceRule.Create(Daily, interval, D(2026, 1, 1));

        act.Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("recurrence.interval");
    }

    [Test]
    public void Should_refuse_an_end_date_and_a_count_together_and_an_end_before_the_start()
    {
        var both = () =>
            RecurrenceRule.Create(Daily, 1, D(2026, 1, 1), until: D(2026, 2, 1), maxOccurrences: 3);
        var backwards = () =>
            RecurrenceRule.Create(Daily, 1, D(2026, 1, 1), until: D(2025, 12, 31));
        var weekdaysOnMonthly = () =>
            RecurrenceRule.Create(Monthly, 1, D(2026, 1, 1), [DayOfWeek.Monday]);

        both.Should().Throw<DomainValidationException>().Which.Code.Should().Be("recurrence.end");
        backwards
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("recurrence.until");
        weekdaysOnMonthly
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("recurrence.weekdays");
    }

    [Test]
    public void Should_end_at_the_end_of_the_calendar()
    {
        var rule = RecurrenceRule.Create(Yearly, 100, D(9800, 1, 31));

        rule.Occurrences().Should().Equal(D(9800, 1, 31), D(9900, 1, 31));
    }
}
