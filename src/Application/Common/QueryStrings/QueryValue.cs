using System.Globalization;

namespace Ledger.Application.Common.QueryStrings;

/// <summary>
/// A value that arrives as text in a query string (a date, an enum name): the text as sent and
/// the value it reads as, if it reads. The endpoint only reads the text; whether it was acceptable
/// is the query validator's rule (<see cref="QueryValueRules"/>), so a bad value is the same 400
/// naming the parameter as any other invalid field, from one place. In code, a plain value
/// converts implicitly (<c>From: new DateOnly(2026, 3, 1)</c>); <c>default</c> is "not given".
/// </summary>
public readonly record struct QueryValue<T>(string? Text, T? Value)
    where T : struct
{
    /// <summary>True when no text was sent or the text read as a value.</summary>
    public bool IsValid => Text is null || Value is not null;

    public static implicit operator QueryValue<T>(T value) => new(null, value);

    public static implicit operator QueryValue<T>(T? value) => new(null, value);

    public override string ToString() =>
        Value is { } value ? value.ToString() ?? string.Empty : Text ?? string.Empty;
}

/// <summary>How query-string text reads as a value (the rules on what is acceptable are the validators').</summary>
public static class QueryValue
{
    /// <summary>Dates are yyyy-MM-dd, in queries as in bodies.</summary>
    public static QueryValue<DateOnly> Date(string? text) =>
        new(
            text,
            DateOnly.TryParseExact(
                text,
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var date
            )
                ? date
                : null
        );

    /// <summary>An enum by the name JSON gives it ("groceries"), case-insensitively; never a number.</summary>
    public static QueryValue<TEnum> Enum<TEnum>(string? text)
        where TEnum : struct, Enum =>
        new(
            text,
            text is { Length: > 0 and <= 32 }
            && text.All(char.IsAsciiLetter)
            && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value)
            && System.Enum.IsDefined(value)
                ? value
                : null
        );
}

public static class QueryValueRules
{
    /// <summary>
    /// The text, when sent, must read as a value (an enum value must be one of its names);
    /// <paramref name="message"/> names the parameter.
    /// </summary>
    public static IRuleBuilderOptions<T, QueryValue<TValue>> MustRead<T, TValue>(
        this IRuleBuilder<T, QueryValue<TValue>> rule,
        string message
    )
        where TValue : struct =>
        rule.Must(query =>
                query.IsValid
                && (
                    query.Value is not { } value
                    || !typeof(TValue).IsEnum
                    || Enum.IsDefined(typeof(TValue), value)
                )
            )
            .WithMessage(message);
}
