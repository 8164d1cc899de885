using AwesomeAssertions;
using Ledger.Domain.Common;

namespace Ledger.Domain.UnitTests.Common;

public sealed class Iso4217Tests
{
    [TestCase("EUR", 2)]
    [TestCase("USD", 2)]
    [TestCase("JPY", 0)]
    [TestCase("KRW", 0)]
    [TestCase("KWD", 3)]
    [TestCase("BHD", 3)]
    [TestCase("TND", 3)]
    [TestCase("CLF", 4)]
    [TestCase("ISK", 0)]
    [TestCase("CHF", 2)]
    public void Should_know_the_minor_units_of_a_sample_of_codes(string code, int minorUnits)
    {
        Iso4217.TryGetMinorUnits(code, out var actual).Should().BeTrue();
        actual.Should().Be(minorUnits);
    }

    [TestCase("XAU")]
    [TestCase("eur")]
    [TestCase("EURO")]
    [TestCase("")]
    public void Should_not_know_codes_without_minor_units_or_malformed_ones(string code) =>
        Iso4217.TryGetMinorUnits(code, out _).Should().BeFalse();

    [Test]
    public void Should_hold_the_whole_list() => Iso4217.Codes.Count.Should().BeGreaterThan(150);
}
