using AwesomeAssertions;
using FsCheck;
using FsCheck.Fluent;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using static Ledger.Domain.UnitTests.Expenses.ExpenseGenerators;

namespace Ledger.Domain.UnitTests.Expenses;

/// <summary>R10: whatever the total, currency, members and weights, the money is exact.</summary>
public sealed class SplitPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);

    private static Gen<(UserId[] Members, ExpenseDetails Details)> Samples =>
        from count in Gen.Choose(1, 12)
        let members = Members(count)
        from details in Details(members)
        select (members, details);

    [FsCheck.NUnit.Property]
    public Property Should_make_splits_and_payers_add_up_to_the_total_without_negative_parts() =>
        Prop.ForAll(
            Samples.ToArbitrary(),
            sample =>
            {
                var expense = Expense.Create(
                    GroupId.New(),
                    sample.Details,
                    Actor.User(sample.Members[0]),
                    sample.Members.ToHashSet(),
                    Now
                );

                expense.Splits.Sum(s => s.OwedMinorUnits).Should().Be(expense.TotalMinorUnits);
                expense.Payers.Sum(p => p.PaidMinorUnits).Should().Be(expense.TotalMinorUnits);
                expense
                    .Splits.Should()
                    .OnlyContain(s =>
                        s.OwedMinorUnits >= 0 && s.SettledMinorUnits <= s.OwedMinorUnits
                    );
                expense.SplitType.Should().Be(sample.Details.Split.Type);
            }
        );

    [FsCheck.NUnit.Property]
    public Property Should_split_the_same_way_every_time() =>
        Prop.ForAll(
            Samples.ToArbitrary(),
            sample =>
                sample
                    .Details.Split.Apply(sample.Details.Total)
                    .Should()
                    .Equal(sample.Details.Split.Apply(sample.Details.Total))
        );

    [FsCheck.NUnit.Property]
    public Property Should_settle_exactly_what_each_member_paid_towards_their_own_share() =>
        Prop.ForAll(
            Samples.ToArbitrary(),
            sample =>
            {
                var expense = Expense.Create(
                    GroupId.New(),
                    sample.Details,
                    Actor.User(sample.Members[0]),
                    sample.Members.ToHashSet(),
                    Now
                );

                foreach (var split in expense.Splits)
                {
                    split
                        .SettledMinorUnits.Should()
                        .Be(Math.Min(split.OwedMinorUnits, expense.PaidMinorUnitsBy(split.UserId)));
                }
            }
        );
}
