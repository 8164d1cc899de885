using AwesomeAssertions;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Monetary;
using static Ledger.Domain.UnitTests.Expenses.ExpenseGenerators;

namespace Ledger.Domain.UnitTests.Expenses;

public sealed class SplitRuleTests
{
    private static readonly UserId Ana = Member(0);
    private static readonly UserId Ben = Member(1);
    private static readonly UserId Cem = Member(2);

    private static Money Eur(decimal amount) => Money.Of(amount, "EUR");

    private static long[] Owed(SplitRule rule, Money total) =>
        rule.Apply(total).Select(p => p.OwedMinorUnits).ToArray();

    [Test]
    public void Should_split_equally_with_the_leftover_cent_to_the_first_member() =>
        Owed(new EqualSplit([Ana, Ben, Cem]), Eur(10m)).Should().Equal(334, 333, 333);

    [Test]
    public void Should_split_yen_and_dinar_in_their_own_minor_units()
    {
        Owed(new EqualSplit([Ana, Ben, Cem]), Money.Of(100m, "JPY")).Should().Equal(34, 33, 33);
        Owed(new EqualSplit([Ana, Ben, Cem]), Money.Of(0.010m, "KWD")).Should().Equal(4, 3, 3);
    }

    [Test]
    public void Should_take_exact_amounts_that_add_up_to_the_total() =>
        Owed(new ExactSplit([new(Ana, Eur(7.5m)), new(Ben, Eur(2.5m))]), Eur(10m))
            .Should()
            .Equal(750, 250);

    [Test]
    public void Should_refuse_exact_amounts_that_miss_the_total_by_a_cent()
    {
        var rule = new ExactSplit([new(Ana, Eur(7.5m)), new(Ben, Eur(2.49m))]);

        var error = FluentActions
            .Invoking(() => rule.Apply(Eur(10m)))
            .Should()
            .Throw<DomainValidationException>()
            .Which;

        error.Code.Should().Be("split.sum");
        error.Field.Should().Be("split.amounts");
        error.Message.Should().Contain("9.99 EUR").And.Contain("10.00 EUR");
    }

    [Test]
    public void Should_split_by_decimal_percentages_and_keep_them_as_weights()
    {
        var parts = new PercentageSplit([new(Ana, 12.5m), new(Ben, 87.5m)]).Apply(Eur(0.99m));

        parts.Select(p => p.OwedMinorUnits).Should().Equal(12, 87);
        parts.Select(p => p.Weight).Should().Equal(12.5m, 87.5m);
    }

    [TestCase(50, 49.99)]
    [TestCase(50, 50.01)]
    [TestCase(-10, 110)]
    public void Should_refuse_percentages_that_are_not_a_whole(double first, double second) =>
        FluentActions
            .Invoking(() =>
                new PercentageSplit([new(Ana, (decimal)first), new(Ben, (decimal)second)]).Apply(
                    Eur(10m)
                )
            )
            .Should()
            .Throw<DomainValidationException>()
            .Which.Field.Should()
            .Be("split.percentages");

    [Test]
    public void Should_split_by_decimal_shares() =>
        Owed(new SharesSplit([new(Ana, 1.5m), new(Ben, 1m), new(Cem, 0m)]), Eur(5m))
            .Should()
            .Equal(300, 200, 0);

    [Test]
    public void Should_refuse_shares_that_are_all_zero() =>
        FluentActions
            .Invoking(() => new SharesSplit([new(Ana, 0m), new(Ben, 0m)]).Apply(Eur(5m)))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("split.shares");

    [Test]
    public void Should_refuse_a_member_listed_twice() =>
        FluentActions
            .Invoking(() => new EqualSplit([Ana, Ana]).Apply(Eur(5m)))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("split.duplicate-member");

    [Test]
    public void Should_charge_items_to_their_members_and_split_the_rest()
    {
        var rule = new ItemBasedSplit(
            [Item(1, Ana, 3.10m), Item(2, Ben, 2.00m), Item(3, Ana, 0.90m)],
            new EqualSplit([Ana, Ben, Cem])
        );

        // 10.00 − 6.00 of items = 4.00 → 1.34, 1.33, 1.33.
        Owed(rule, Eur(10m)).Should().Equal(400 + 134, 200 + 133, 133);
    }

    [Test]
    public void Should_split_the_rest_of_an_item_based_split_as_given()
    {
        var rule = new ItemBasedSplit(
            [Item(1, Ana, 6m)],
            new ExactSplit([new(Ben, Eur(3m)), new(Cem, Eur(1m))])
        );

        rule.Apply(Eur(10m))
            .Select(p => (p.Member, p.OwedMinorUnits))
            .Should()
            .Equal((Ana, 600L), (Ben, 300L), (Cem, 100L));
    }

    [Test]
    public void Should_let_the_rest_divide_the_items_that_were_for_everyone()
    {
        var rule = new ItemBasedSplit(
            [Item(1, Ana, 2.00m), new ItemCharge(ListItemId.New(), null, Eur(6.00m))],
            new EqualSplit([Ana, Ben, Cem])
        );

        // 8.00 − 2.00 charged to Ana = 6.00 shared → 2.00 each.
        Owed(rule, Eur(8m)).Should().Equal(200 + 200, 200, 200);
    }

    [Test]
    public void Should_need_a_rule_for_items_that_were_for_everyone() =>
        FluentActions
            .Invoking(() =>
                new ItemBasedSplit([new ItemCharge(ListItemId.New(), null, Eur(6m))], null).Apply(
                    Eur(6m)
                )
            )
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("split.rest");

    [Test]
    public void Should_need_a_rule_for_what_the_items_leave_over() =>
        FluentActions
            .Invoking(() => new ItemBasedSplit([Item(1, Ana, 6m)], null).Apply(Eur(10m)))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Message.Should()
            .Contain("4.00 EUR");

    [Test]
    public void Should_refuse_items_costing_more_than_the_total() =>
        FluentActions
            .Invoking(() =>
                new ItemBasedSplit([Item(1, Ana, 6m), Item(2, Ben, 5m)], null).Apply(Eur(10m))
            )
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("split.items-sum");

    [Test]
    public void Should_refuse_an_item_priced_in_another_currency() =>
        FluentActions
            .Invoking(() =>
                new ItemBasedSplit(
                    [new ItemCharge(ListItemId.New(), Ana, Money.Of(1m, "USD"))],
                    null
                ).Apply(Eur(1m))
            )
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("split.item-price");

    private static ItemCharge Item(int index, UserId member, decimal price) =>
        new(ListItemId.From(new Guid(index, 0, 0, new byte[8])), member, Eur(price));
}
