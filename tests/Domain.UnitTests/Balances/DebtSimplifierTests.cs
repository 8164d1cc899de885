using AwesomeAssertions;
using FsCheck;
using FsCheck.Fluent;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Ledger.Domain.Monetary;
using static Ledger.Domain.UnitTests.Expenses.ExpenseGenerators;

namespace Ledger.Domain.UnitTests.Balances;

public sealed class DebtSimplifierTests
{
    private static readonly UserId Ana = Member(0);
    private static readonly UserId Ben = Member(1);
    private static readonly UserId Cem = Member(2);
    private static readonly UserId Dan = Member(3);

    [Test]
    public void Should_let_the_largest_debtor_pay_the_largest_creditor_first()
    {
        var transfers = DebtSimplifier.Simplify([
            new(Ana, "EUR", 1500),
            new(Ben, "EUR", -1000),
            new(Cem, "EUR", -400),
            new(Dan, "EUR", -100),
        ]);

        transfers
            .Should()
            .Equal(
                new SuggestedTransfer(Ben, Ana, "EUR", 1000),
                new SuggestedTransfer(Cem, Ana, "EUR", 400),
                new SuggestedTransfer(Dan, Ana, "EUR", 100)
            );
        transfers[0].Amount.Should().Be(Money.Of(10m, "EUR"));
    }

    [Test]
    public void Should_break_ties_by_member_id()
    {
        var transfers = DebtSimplifier.Simplify([
            new(Dan, "JPY", -300),
            new(Cem, "JPY", 300),
            new(Ben, "JPY", -300),
            new(Ana, "JPY", 300),
        ]);

        transfers
            .Should()
            .Equal(
                new SuggestedTransfer(Ben, Ana, "JPY", 300),
                new SuggestedTransfer(Dan, Cem, "JPY", 300)
            );
    }

    [Test]
    public void Should_simplify_each_currency_on_its_own()
    {
        var transfers = DebtSimplifier.Simplify([
            new(Ana, "USD", 5),
            new(Ben, "USD", -5),
            new(Ana, "EUR", -7),
            new(Ben, "EUR", 7),
        ]);

        transfers
            .Should()
            .Equal(
                new SuggestedTransfer(Ana, Ben, "EUR", 7),
                new SuggestedTransfer(Ben, Ana, "USD", 5)
            );
    }

    [Test]
    public void Should_suggest_nothing_when_everyone_is_settled() =>
        DebtSimplifier.Simplify([new MemberNet(Ana, "EUR", 0)]).Should().BeEmpty();

    [Test]
    public void Should_refuse_balances_that_do_not_sum_to_zero() =>
        FluentActions
            .Invoking(() => DebtSimplifier.Simplify([new MemberNet(Ana, "EUR", 1)]))
            .Should()
            .Throw<InvalidOperationException>();

    private static Gen<MemberNet[]> Balances =>
        from currencies in Gen.SubListOf("EUR", "JPY", "KWD")
        from perCurrency in Gen.CollectToArray(currencies, CurrencyBalances)
        select perCurrency.SelectMany(b => b).ToArray();

    private static Gen<MemberNet[]> CurrencyBalances(string currency) =>
        from count in Gen.Choose(1, 12)
        from nets in Gen.ArrayOf(Gen.Choose(-1_000_000, 1_000_000), count - 1)
        let all = nets.Select(n => (long)n).Append(-nets.Sum(n => (long)n)).ToArray()
        select all.Select((net, i) => new MemberNet(Member(i), currency, net)).ToArray();

    [FsCheck.NUnit.Property]
    public Property Should_settle_everyone_in_at_most_n_minus_one_payments() =>
        Prop.ForAll(
            Balances.ToArbitrary(),
            balances =>
            {
                var transfers = DebtSimplifier.Simplify(balances);

                var net = balances.ToDictionary(b => (b.Currency, b.Member), b => b.NetMinorUnits);
                foreach (var t in transfers)
                {
                    t.AmountMinorUnits.Should().BePositive();
                    net[(t.Currency, t.From)] += t.AmountMinorUnits;
                    net[(t.Currency, t.To)] -= t.AmountMinorUnits;
                }

                net.Values.Should().OnlyContain(v => v == 0);
                foreach (var currency in balances.GroupBy(b => b.Currency))
                {
                    var open = currency.Count(b => b.NetMinorUnits != 0);
                    transfers
                        .Count(t => t.Currency == currency.Key)
                        .Should()
                        .BeLessThanOrEqualTo(Math.Max(0, open - 1));
                }

                var pairs = transfers.Select(t =>
                    (
                        t.Currency,
                        Min: t.From.Value < t.To.Value ? t.From : t.To,
                        Max: t.From.Value < t.To.Value ? t.To : t.From
                    )
                );
                pairs
                    .Should()
                    .OnlyHaveUniqueItems(
                        "no two members pay each other twice, in either direction"
                    );
            }
        );

    [FsCheck.NUnit.Property]
    public Property Should_not_depend_on_the_order_balances_come_in() =>
        Prop.ForAll(
            (
                from balances in Balances
                from shuffled in Gen.Shuffle(balances)
                select (balances, shuffled)
            ).ToArbitrary(),
            sample =>
                DebtSimplifier
                    .Simplify(sample.shuffled)
                    .Should()
                    .Equal(DebtSimplifier.Simplify(sample.balances))
        );
}
