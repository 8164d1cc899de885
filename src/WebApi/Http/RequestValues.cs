using FluentValidation;
using FluentValidation.Results;

namespace Ledger.WebApi.Http;

/// <summary>
/// A request value the binder cannot refuse with a named field (a multipart part, a boundary) is a
/// 400 validation problem naming the field, like a bad body. Query-string dates and enum names are
/// read with <c>QueryValue</c> and judged by the query's validator.
/// </summary>
public static class RequestValues
{
    /// <summary>A 400 validation problem naming one field.</summary>
    public static ValidationException Invalid(string field, string message) =>
        new([new ValidationFailure(field, message)]);
}
