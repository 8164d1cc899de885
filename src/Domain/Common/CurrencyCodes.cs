namespace Ledger.Domain.Common;

/// <summary>ISO 4217 currency codes and their minor units (see <see cref="Iso4217"/>).</summary>
public static class CurrencyCodes
{
    public static string Require(string code)
    {
        if (code is null || !Iso4217.TryGetMinorUnits(code, out _))
        {
            throw new DomainValidationException(
                "currency.unknown",
                "The currency is not an ISO 4217 code."
            );
        }

        return code;
    }
}
