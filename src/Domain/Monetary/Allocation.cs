using System.Numerics;
using Ledger.Domain.Common;

namespace Ledger.Domain.Monetary;

/// <summary>
/// The one place where money is divided. A total in minor units is split by weights: each part
/// first gets the whole minor units of its exact share, then the units left over are handed out
/// one at a time to the largest remainders, ties going to the earlier position. The parts
/// always add up to the total exactly, and a zero weight always gets zero.
/// </summary>
/// <remarks>
/// The exact shares are computed with integers (weights scaled to whole numbers, products in
/// <see cref="BigInteger"/>), so no weight or total is too precise or too large to split exactly.
/// </remarks>
public static class Allocation
{
    public static long[] Equally(long totalMinorUnits, int count)
    {
        if (count <= 0)
        {
            throw new DomainValidationException(
                "allocation.empty",
                "There must be at least one part to split into.",
                "split"
            );
        }

        return ByWeights(totalMinorUnits, Enumerable.Repeat(1m, count).ToArray());
    }

    public static long[] ByWeights(long totalMinorUnits, IReadOnlyList<decimal> weights)
    {
        var numerators = ScaledToIntegers(weights);
        var weightSum = numerators.Aggregate(BigInteger.Zero, (sum, n) => sum + n);
        if (weightSum.IsZero)
        {
            throw new DomainValidationException(
                "allocation.zero-weights",
                "At least one weight must be greater than zero.",
                "split"
            );
        }

        // Negative totals (refunds, reversals) mirror positive ones, so the same member gets the
        // extra unit either way.
        var sign = Math.Sign(totalMinorUnits);
        var total = BigInteger.Abs(totalMinorUnits);
        var parts = new long[numerators.Length];
        var remainders = new BigInteger[numerators.Length];
        var handedOut = BigInteger.Zero;
        for (var i = 0; i < numerators.Length; i++)
        {
            var whole = BigInteger.DivRem(total * numerators[i], weightSum, out remainders[i]);
            parts[i] = (long)whole;
            handedOut += whole;
        }

        var leftOver = (int)(total - handedOut);
        foreach (var index in LargestRemainderFirst(remainders).Take(leftOver))
        {
            parts[index]++;
        }

        return sign < 0 ? parts.Select(p => -p).ToArray() : parts;
    }

    private static IEnumerable<int> LargestRemainderFirst(BigInteger[] remainders) =>
        Enumerable.Range(0, remainders.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i);

    private static BigInteger[] ScaledToIntegers(IReadOnlyList<decimal> weights)
    {
        if (weights.Count == 0)
        {
            throw new DomainValidationException(
                "allocation.empty",
                "There must be at least one part to split into.",
                "split"
            );
        }

        if (weights.Any(w => w < 0m))
        {
            throw new DomainValidationException(
                "allocation.negative-weight",
                "Weights must not be negative.",
                "split"
            );
        }

        var maxScale = weights.Max(w => (int)w.Scale);
        return weights.Select(w => Mantissa(w) * BigInteger.Pow(10, maxScale - w.Scale)).ToArray();
    }

    private static BigInteger Mantissa(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var low = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        return ((BigInteger)(uint)bits[2] << 64) | low;
    }
}
