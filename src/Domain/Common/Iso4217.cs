using System.Collections.Frozen;
using System.Reflection;

namespace Ledger.Domain.Common;

/// <summary>
/// The ISO 4217 table (code → number of minor units), read once from the embedded
/// <c>iso4217.csv</c>, whose header names its source.
/// </summary>
public static class Iso4217
{
    private static readonly FrozenDictionary<string, int> MinorUnitsByCode = Load();

    public static IReadOnlyCollection<string> Codes => MinorUnitsByCode.Keys;

    public static bool TryGetMinorUnits(string code, out int minorUnits) =>
        MinorUnitsByCode.TryGetValue(code, out minorUnits);

    private static FrozenDictionary<string, int> Load()
    {
        using var stream =
            Assembly
                .GetExecutingAssembly()
                .GetManifestResourceStream("Ledger.Domain.Common.iso4217.csv")
            ?? throw new InvalidOperationException(
                "The ISO 4217 table is missing from the Domain assembly."
            );
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (
                line.StartsWith('#')
                || line.StartsWith("code,", StringComparison.Ordinal)
                || line.Length == 0
            )
            {
                continue;
            }

            var parts = line.Split(',');
            table.Add(
                parts[0],
                int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)
            );
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
