using System.Numerics;
using AwesomeAssertions;
using FsCheck;
using FsCheck.Fluent;
using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.UnitTests.Monetary;

public sealed class AllocationTests
{
    [TestCase(1000, 3, new long[] { 334, 333, 333 })] // 10.00 EUR
    [TestCase(100, 3, new long[] { 34, 33, 33 })] // 100 JPY
    [TestCase(10, 3, new long[] { 4, 3, 3 })] // 0.010 KWD
    [TestCase(10, 4, new long[] { 3, 3, 2, 2 })] // 0.010 KWD
    [TestCase(2, 3, new long[] { 1, 1, 0 })] // 0.02 EUR
    [TestCase(0, 2, new long[] { 0, 0 })]
    [TestCase(-1000, 3, new long[] { -334, -333, -333 })]
    public void Should_hand_out_leftover_units_to_the_first_members_on_equal_splits(
        long total,
        int count,
        long[] expected
    ) => Allocation.Equally(total, count).Should().Equal(expected);

    [Test]
    public void Should_give_leftover_units_to_the_largest_remainders_first()
    {
        // Exact shares: 16.6.., 33.3.., 50.0.. → floors 16, 33, 50 leave 1 unit; 0.6 is largest.
        Allocation.ByWeights(100, [1m, 2m, 3m]).Should().Equal(17, 33, 50);
    }

    [Test]
    public void Should_break_ties_between_equal_remainders_by_order()
    {
        // Exact shares 2.5, 2.5, 5 → one leftover unit; the two 0.5 remainders tie.
        Allocation.ByWeights(10, [1m, 1m, 2m]).Should().Equal(3, 2, 5);
        Allocation.ByWeights(10, [2m, 1m, 1m]).Should().Equal(5, 3, 2);
    }

    [Test]
    public void Should_split_by_decimal_percentages_exactly()
    {
        // 10.00 EUR at 33.33 % / 33.33 % / 33.34 %: 333.3, 333.3, 333.4 → 333, 333, 334.
        Allocation.ByWeights(1000, [33.33m, 33.33m, 33.34m]).Should().Equal(333, 333, 334);
    }

    [Test]
    public void Should_give_nothing_to_a_zero_weight() =>
        Allocation.ByWeights(1, [0m, 1m, 1m]).Should().Equal(0, 1, 0);

    [Test]
    public void Should_split_the_largest_totals_with_tiny_weights_exactly()
    {
        var total = 9_999_999_999_999_999L;

        var parts = Allocation.ByWeights(total, [0.0000000001m, 1_000_000m, 3m]);

        parts.Sum().Should().Be(total);
    }

    [TestCase(new double[0], "allocation.empty")]
    [TestCase(new[] { 0d, 0d }, "allocation.zero-weights")]
    [TestCase(new[] { 1d, -1d }, "allocation.negative-weight")]
    public void Should_refuse_weights_that_cannot_split(double[] weights, string code) =>
        FluentActions
            .Invoking(() => Allocation.ByWeights(100, weights.Select(w => (decimal)w).ToArray()))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be(code);

    [FsCheck.NUnit.Property]
    public Property Should_always_add_up_to_the_total_with_each_part_within_one_unit_of_its_share() =>
        Prop.ForAll(
            (
                from total in Generators.MinorUnits
                from weights in Generators.Weights
                select (total, weights)
            ).ToArbitrary(),
            sample =>
            {
                var parts = Allocation.ByWeights(sample.total, sample.weights);

                parts.Sum().Should().Be(sample.total);
                parts.Should().OnlyContain(p => p >= 0);
                var sum = sample.weights.Sum();
                for (var i = 0; i < parts.Length; i++)
                {
                    // part = floor(share) or floor(share) + 1, checked without rounding.
                    var exact = (BigInteger)sample.total * Scaled(sample.weights[i]);
                    var scaledSum = Scaled(sum);
                    ((BigInteger)parts[i] * scaledSum).Should().BeLessThan(exact + scaledSum);
                    ((BigInteger)(parts[i] + 1) * scaledSum).Should().BeGreaterThan(exact);
                }

                Allocation.ByWeights(sample.total, sample.weights).Should().Equal(parts);
            }
        );

    private static BigInteger Scaled(decimal value) => new(value * 10_000m);
}
