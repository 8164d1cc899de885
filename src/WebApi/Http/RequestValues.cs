using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace Ledger.WebApi.Http;

/// <summary>
/// Request values the binder cannot refuse with a named field: enums by their JSON names, dates as
/// yyyy-MM-dd in queries. A bad value is a 400 validation problem naming the field, like a bad body.
/// </summary>
public static class RequestValues
{
    /// <summary>An enum by the name JSON gives it ("groceries"), case-insensitively; never a number.</summary>
    public static TEnum? Enum<TEnum>(string? text, string parameter, string message)
        where TEnum : struct, Enum =>
        text is null ? null
        : text.Length is > 0 and <= 32
        && text.All(char.IsAsciiLetter)
        && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value)
        && System.Enum.IsDefined(value)
            ? value
        : throw Invalid(parameter, message);

    /// <summary>Dates are yyyy-MM-dd, in queries as in bodies; anything else names the parameter.</summary>
    public static DateOnly? Date(string? text, string parameter) =>
        text is null ? null
        : DateOnly.TryParseExact(
            text,
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var date
        )
            ? date
        : throw Invalid(parameter, $"'{parameter}' must be a date such as 2026-03-01.");

    /// <summary>A 400 validation problem naming one field.</summary>
    public static ValidationException Invalid(string field, string message) =>
        new([new ValidationFailure(field, message)]);
}
