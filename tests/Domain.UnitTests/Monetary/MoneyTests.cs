using AwesomeAssertions;
using FsCheck;
using FsCheck.Fluent;
using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.UnitTests.Monetary;

public sealed class MoneyTests
{
    [TestCase("12.50", "EUR", 1250)]
    [TestCase("12.5", "EUR", 1250)]
    [TestCase("0", "EUR", 0)]
    [TestCase("100", "JPY", 100)]
    [TestCase("0.010", "KWD", 10)]
    [TestCase("999999999999.99", "EUR", 99_999_999_999_999)]
    public void Should_parse_the_invariant_form(string text, string currency, long minorUnits) =>
        Money.Parse(text, currency).ToMinorUnits().Should().Be(minorUnits);

    [TestCase("1e3", "EUR", "money.format")]
    [TestCase("12,50", "EUR", "money.format")]
    [TestCase("1,250.00", "EUR", "money.format")]
    [TestCase("+12.50", "EUR", "money.format")]
    [TestCase(" 12.50", "EUR", "money.format")]
    [TestCase("12.", "EUR", "money.format")]
    [TestCase(".5", "EUR", "money.format")]
    [TestCase("", "EUR", "money.format")]
    [TestCase("NaN", "EUR", "money.format")]
    [TestCase("١٢", "EUR", "money.format")]
    [TestCase("12.345", "EUR", "money.over-precise")]
    [TestCase("12.500", "EUR", "money.over-precise")]
    [TestCase("1.5", "JPY", "money.over-precise")]
    [TestCase("0.0001", "KWD", "money.over-precise")]
    [TestCase("-1", "EUR", "money.negative")]
    [TestCase("1000000000000", "EUR", "money.too-large")]
    [TestCase("99999999999999999999999999999999", "EUR", "money.too-large")]
    [TestCase("12.50", "XYZ", "currency.unknown")]
    [TestCase("12.50", "eur", "currency.unknown")]
    [TestCase("12.50", "XAU", "currency.unknown")]
    public void Should_reject_malformed_or_impossible_amounts(
        string text,
        string currency,
        string code
    ) =>
        FluentActions
            .Invoking(() => Money.Parse(text, currency, "total"))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be(code);

    [Test]
    public void Should_name_the_field_at_fault()
    {
        var act = () => Money.Parse("12.345", "EUR", "payers[1].amount");

        var error = act.Should().Throw<DomainValidationException>().Which;
        error.Field.Should().Be("payers[1].amount");
        error.Message.Should().Contain("payers[1].amount").And.Contain("2 decimal places");
    }

    [Test]
    public void Should_reject_input_longer_than_any_amount() =>
        FluentActions
            .Invoking(() => Money.Parse(new string('1', Money.MaxTextLength + 1), "EUR"))
            .Should()
            .Throw<DomainValidationException>();

    [Test]
    public void Should_accept_negative_amounts_where_allowed() =>
        Money.Parse("-3.10", "EUR", allowNegative: true).ToMinorUnits().Should().Be(-310);

    [TestCase(1250, "EUR", "12.50")]
    [TestCase(5, "EUR", "0.05")]
    [TestCase(-5, "EUR", "-0.05")]
    [TestCase(100, "JPY", "100")]
    [TestCase(10, "KWD", "0.010")]
    [TestCase(12345, "CLF", "1.2345")]
    public void Should_format_with_exactly_the_currency_digits(
        long minor,
        string currency,
        string text
    ) => Money.FromMinorUnits(minor, currency).ToCanonicalString().Should().Be(text);

    [Test]
    public void Should_never_print_a_negative_zero() =>
        (-Money.Zero("EUR")).ToCanonicalString().Should().Be("0.00");

    [Test]
    public void Should_reject_over_precise_decimals() =>
        FluentActions
            .Invoking(() => Money.Of(0.001m, "EUR"))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("money.over-precise");

    [Test]
    public void Should_treat_equal_amounts_with_different_scales_as_equal() =>
        Money.Of(12.5m, "EUR").Should().Be(Money.Of(12.500m, "EUR"));

    [Test]
    public void Should_add_and_subtract_in_one_currency()
    {
        var sum = Money.Of(10.05m, "EUR") + Money.Of(0.95m, "EUR") - Money.Of(1m, "EUR");

        sum.Should().Be(Money.Of(10m, "EUR"));
    }

    [Test]
    public void Should_refuse_arithmetic_across_currencies()
    {
        var act = () => Money.Of(1m, "EUR") + Money.Of(1m, "USD");

        act.Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("money.currency-mismatch");
    }

    [Test]
    public void Should_refuse_a_sum_beyond_the_maximum()
    {
        var almostMax = Money.Of(Money.MaxMagnitude - 1m, "JPY");

        var act = () => almostMax + Money.Of(1m, "JPY");

        act.Should().Throw<DomainValidationException>().Which.Code.Should().Be("money.too-large");
    }

    [FsCheck.NUnit.Property]
    public Property Should_round_trip_canonical_strings_and_minor_units() =>
        Prop.ForAll(
            (
                from currency in Gen.Elements("EUR", "JPY", "KWD", "CLF")
                from high in Gen.Choose(-999, 999)
                from low in Gen.Choose(0, 999_999_999)
                select (currency, minor: high * 1_000_000_000L + low)
            ).ToArbitrary(),
            sample =>
            {
                var money = Money.FromMinorUnits(sample.minor, sample.currency);
                var text = money.ToCanonicalString();

                money.ToMinorUnits().Should().Be(sample.minor);
                Money.Parse(text, sample.currency, allowNegative: true).Should().Be(money);
                Money
                    .Parse(text, sample.currency, allowNegative: true)
                    .ToCanonicalString()
                    .Should()
                    .Be(text);
            }
        );
}
