using System.Globalization;
using Ledger.Domain.Common;

namespace Ledger.Domain.Monetary;

/// <summary>
/// An exact amount in one ISO 4217 currency. The amount never has more fractional digits than the
/// currency's minor units (EUR 2, JPY 0, KWD 3), so it always converts to a whole number of minor
/// units. Amounts may be negative (balances are); use cases that need positive amounts say so.
/// </summary>
/// <remarks>
/// The folder and namespace are <c>Monetary</c> rather than <c>Money</c>: a namespace named like
/// this type would shadow it everywhere inside <c>Ledger.Domain</c>.
/// </remarks>
public sealed record Money : IComparable<Money>
{
    /// <summary>
    /// Amounts must be smaller than one trillion major units in magnitude. No household expense
    /// comes near it, even in currencies with tiny units (IRR, VND), and it keeps every amount
    /// (at most 10^16 minor units with 4 digits) and the sum of hundreds of them inside a
    /// <see cref="long"/>.
    /// </summary>
    public const decimal MaxMagnitude = 1_000_000_000_000m;

    /// <summary>Longer input is refused before parsing; no valid amount needs more.</summary>
    public const int MaxTextLength = 40;

    private Money(decimal amount, string currency, int minorDigits)
    {
        // decimal has a negative zero; it must not print as "-0.00".
        Amount = amount == 0m ? 0m : amount;
        Currency = currency;
        MinorDigits = minorDigits;
    }

    public decimal Amount { get; }
    public string Currency { get; }

    /// <summary>The currency's number of minor units (fractional digits).</summary>
    public int MinorDigits { get; }

    public bool IsZero => Amount == 0m;
    public bool IsNegative => Amount < 0m;
    public bool IsPositive => Amount > 0m;

    public static Money Of(decimal amount, string currency, string field = "amount")
    {
        var digits = MinorDigitsOf(currency);
        if (decimal.Round(amount, digits) != amount)
        {
            throw OverPrecise(currency, digits, field);
        }

        if (Math.Abs(amount) >= MaxMagnitude)
        {
            throw TooLarge(field);
        }

        return new Money(amount, currency, digits);
    }

    public static Money Zero(string currency) => new(0m, currency, MinorDigitsOf(currency));

    public static Money FromMinorUnits(long minorUnits, string currency) =>
        Of((decimal)minorUnits / Scale(MinorDigitsOf(currency)), currency);

    public long ToMinorUnits() => decimal.ToInt64(Amount * Scale(MinorDigits));

    /// <summary>
    /// Reads the invariant form clients send: an optional '-', digits, and optionally a '.' with
    /// digits — no exponent, no thousands separators, no '+', no spaces, and never more
    /// fractional digits than the currency has.
    /// </summary>
    public static Money Parse(
        string? text,
        string currency,
        string field = "amount",
        bool allowNegative = false
    )
    {
        var digits = MinorDigitsOf(currency);
        if (text is null || text.Length is 0 or > MaxTextLength || !IsPlainDecimal(text))
        {
            throw new DomainValidationException(
                "money.format",
                $"{field}: an amount is written like \"12.50\": digits with an optional '.' and decimals.",
                field
            );
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0 && text.Length - point - 1 > digits)
        {
            throw OverPrecise(currency, digits, field);
        }

        if (
            !decimal.TryParse(
                text,
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture,
                out var amount
            )
        )
        {
            throw TooLarge(field);
        }

        if (amount < 0m && !allowNegative)
        {
            throw new DomainValidationException(
                "money.negative",
                $"{field}: the amount must not be negative.",
                field
            );
        }

        return Of(amount, currency, field);
    }

    /// <summary>The invariant form with exactly the currency's digits, e.g. "12.50", "100", "0.010".</summary>
    public string ToCanonicalString() =>
        Amount.ToString(
            "F" + MinorDigits.ToString(CultureInfo.InvariantCulture),
            CultureInfo.InvariantCulture
        );

    public override string ToString() => $"{ToCanonicalString()} {Currency}";

    public Money Add(Money other)
    {
        EnsureSameCurrency(other);
        return Of(Amount + other.Amount, Currency);
    }

    public Money Subtract(Money other)
    {
        EnsureSameCurrency(other);
        return Of(Amount - other.Amount, Currency);
    }

    public Money Negate() => new(-Amount, Currency, MinorDigits);

    public int CompareTo(Money? other)
    {
        if (other is null)
        {
            return 1;
        }

        EnsureSameCurrency(other);
        return Amount.CompareTo(other.Amount);
    }

    public static Money operator +(Money left, Money right) => left.Add(right);

    public static Money operator -(Money left, Money right) => left.Subtract(right);

    public static Money operator -(Money value) => value.Negate();

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public static int MinorDigitsOf(string currency)
    {
        if (currency is null || !Iso4217.TryGetMinorUnits(currency, out var digits))
        {
            throw new DomainValidationException(
                "currency.unknown",
                "currency: not an ISO 4217 code with minor units (e.g. EUR).",
                "currency"
            );
        }

        return digits;
    }

    private static decimal Scale(int minorDigits)
    {
        var scale = 1m;
        for (var i = 0; i < minorDigits; i++)
        {
            scale *= 10m;
        }

        return scale;
    }

    private static bool IsPlainDecimal(string text)
    {
        var start = text[0] == '-' ? 1 : 0;
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integerEnd = point < 0 ? text.Length : point;
        return integerEnd > start
            && AllDigits(text.AsSpan(start, integerEnd - start))
            && (point < 0 || (point < text.Length - 1 && AllDigits(text.AsSpan(point + 1))));
    }

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private void EnsureSameCurrency(Money other)
    {
        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
        {
            throw new DomainValidationException(
                "money.currency-mismatch",
                $"Amounts in {Currency} and {other.Currency} cannot be combined.",
                "currency"
            );
        }
    }

    private static DomainValidationException OverPrecise(
        string currency,
        int digits,
        string field
    ) =>
        new(
            "money.over-precise",
            $"{field}: {currency} amounts have at most {digits} decimal places.",
            field
        );

    private static DomainValidationException TooLarge(string field) =>
        new(
            "money.too-large",
            $"{field}: the amount must be smaller than {MaxMagnitude.ToString("N0", CultureInfo.InvariantCulture)} in magnitude.",
            field
        );
}
