using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Ledger.Domain.UnitTests.Monetary;

/// <summary>Random amounts and weights for the R10 property tests.</summary>
internal static class Generators
{
    /// <summary>Currencies with 2, 0 and 3 minor digits.</summary>
    public static Gen<string> Currency => Gen.Elements("EUR", "JPY", "KWD");

    /// <summary>0 to 10^12 − 1 minor units (within Money's maximum in every currency), mostly small.</summary>
    public static Gen<long> MinorUnits =>
        Gen.Frequency(
            (3, Gen.Choose(0, 100).Select(i => (long)i)),
            (3, Gen.Choose(0, 1_000_000).Select(i => (long)i)),
            (
                2,
                from high in Gen.Choose(0, 999_999)
                from low in Gen.Choose(0, 999_999)
                select high * 1_000_000L + low
            )
        );

    public static Gen<long> PositiveMinorUnits => MinorUnits.Select(m => Math.Max(m, 1));

    /// <summary>1 to 10 non-negative weights with 0 to 4 decimals, not all zero.</summary>
    public static Gen<decimal[]> Weights =>
        from count in Gen.Choose(1, 10)
        from raw in Gen.ArrayOf(
            Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(0, 100_000))),
            count
        )
        from decimals in Gen.Choose(0, 4)
        select NotAllZero(raw.Select(r => r / Power(decimals)).ToArray());

    /// <summary><paramref name="count"/> non-negative parts adding up to <paramref name="total"/>.</summary>
    public static Gen<long[]> Parts(long total, int count) =>
        Gen.ArrayOf(Gen.Choose(0, 1_000_000), count - 1)
            .Select(cuts =>
            {
                var points = cuts.Select(c => (long)(total * (BigInteger)c / 1_000_000))
                    .Order()
                    .Prepend(0)
                    .Append(total)
                    .ToArray();
                return points.Skip(1).Select((p, i) => p - points[i]).ToArray();
            });

    /// <summary><paramref name="count"/> positive parts adding up to <paramref name="total"/> (≥ count).</summary>
    public static Gen<long[]> PositiveParts(long total, int count) =>
        Parts(total - count, count).Select(parts => parts.Select(p => p + 1).ToArray());

    private static decimal Power(int decimals) => (decimal)Math.Pow(10, decimals);

    private static decimal[] NotAllZero(decimal[] weights)
    {
        if (weights.All(w => w == 0m))
        {
            weights[^1] = 1m;
        }

        return weights;
    }
}
