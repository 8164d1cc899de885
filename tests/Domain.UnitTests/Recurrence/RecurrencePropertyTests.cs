using FsCheck;
using FsCheck.Fluent;
using Ledger.Domain.Recurrence;

namespace Ledger.Domain.UnitTests.Recurrence;

/// <summary>Whatever the anchor and interval, monthly rules never drift from their anchor day.</summary>
public sealed class RecurrencePropertyTests
{
    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Should_fall_on_the_anchor_day_or_the_last_day_of_each_month_in_order() =>
        Prop.ForAll(
            (
                from year in Gen.Choose(2000, 2100)
                from month in Gen.Choose(1, 12)
                from day in Gen.Choose(1, DateTime.DaysInMonth(year, month))
                from interval in Gen.Choose(1, 14)
                select (Start: new DateOnly(year, month, day), Interval: interval)
            ).ToArbitrary(),
            input =>
            {
                var rule = RecurrenceRule.Create(
                    RecurrenceFrequency.Monthly,
                    input.Interval,
                    input.Start
                );
                var dates = rule.Occurrences().Take(40).ToList();
                var anchored = dates.All(d =>
                    d.Day == Math.Min(input.Start.Day, DateTime.DaysInMonth(d.Year, d.Month))
                );
                var spaced = dates
                    .Zip(dates.Skip(1))
                    .All(pair =>
                        (pair.Second.Year - pair.First.Year) * 12
                            + pair.Second.Month
                            - pair.First.Month
                        == input.Interval
                    );
                return anchored && spaced;
            }
        );
}
