using System.Text.Json;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Idempotency;
using Ledger.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ledger.WebApi.Http;

/// <summary>
/// The one place exceptions become RFC 9457 problem details. Known exceptions map to 4xx with
/// their client-safe message; anything else is a 500 with a generic text. No exception message,
/// SQL, constraint name, path or stack trace of an unknown failure ever reaches a client
/// (docs/requirements.md A10).
/// </summary>
public sealed partial class ProblemDetailsMapper(
    IProblemDetailsService problemDetails,
    ILogger<ProblemDetailsMapper> logger
) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext context,
        Exception exception,
        CancellationToken cancellationToken
    )
    {
        var problem = Map(context, exception);
        if (problem.Status >= 500)
        {
            LogUnexpected(exception, context.Request.Method, context.GetEndpoint()?.DisplayName);
        }

        context.Response.StatusCode = problem.Status;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        return await problemDetails.TryWriteAsync(
            new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = problem.ToProblemDetails(),
            }
        );
    }

    private static Problem Map(HttpContext context, Exception exception) =>
        exception switch
        {
            ValidationException validation => Problem.Validation(validation),
            DomainValidationException domain => new(
                400,
                "The request breaks a rule.",
                domain.Message,
                domain.Code
            )
            {
                Errors = domain.Field is null
                    ? null
                    : new Dictionary<string, string[]> { [domain.Field] = [domain.Message] },
            },
            BusinessRuleViolationException rule => new(
                409,
                "The request conflicts with the current state.",
                rule.Message,
                rule.Code
            ),
            IdempotencyKeyReusedException reused => new(
                422,
                "The Idempotency-Key was used for another request.",
                reused.Message
            ),
            NotFoundException notFound => new(404, "Not found.", notFound.Message),
            PayloadTooLargeException tooLarge => new(413, "Too large.", tooLarge.Message),
            UnsupportedContentException unsupported => new(
                415,
                "Unsupported content.",
                unsupported.Message
            ),
            ForbiddenException forbidden => new(403, "Forbidden.", forbidden.Message),
            UnauthenticatedException => new(401, "Authentication is required.", null),
            PreconditionRequiredException required => new(
                428,
                "A version is required.",
                required.Message
            ),
            // API endpoints answer these in VersionConflictFilter (with the ETag); this is the fallback.
            VersionConflictException conflict => new(
                409,
                "The resource changed since you read it.",
                conflict.Message
            )
            {
                CurrentVersion = conflict.CurrentVersion,
            },
            TextInputException text => ControlCharacters(text),
            BadHttpRequestException { InnerException: TextInputException text } =>
                ControlCharacters(text),
            BadHttpRequestException bad => BadRequest(bad),
            JsonException json => InvalidJson(json),
            DbUpdateException
            {
                InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
            } => new(
                409,
                "The request conflicts with the current state.",
                "Something with the same identity already exists."
            ),
            // The backstop behind validation: a value PostgreSQL cannot store (SQLSTATE class 22,
            // data exception: bad encoding, out of range, too long) is the request's fault.
            _ when IsDataException(exception) => new(
                400,
                "The request holds a value that cannot be stored.",
                "A value is out of range or not valid text; nothing was changed."
            ),
            _ when IsDatabaseUnavailable(exception) => new(
                503,
                "The service is briefly unavailable.",
                "Nothing was changed; try again in a moment."
            ),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => new(
                499,
                "The client closed the request.",
                null
            ),
            _ => new(
                500,
                "An unexpected error occurred.",
                "The error was logged; quote the traceId when you report it."
            ),
        };

    /// <summary>
    /// PostgreSQL cannot be reached (down, restarting, out of connections): a transient Npgsql
    /// failure, possibly wrapped by EF Core's retry strategy once its retries ran out. Nothing
    /// was committed, so the client may simply retry.
    /// </summary>
    private static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDataException(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (
                current is PostgresException postgres
                && postgres.SqlState.StartsWith("22", StringComparison.Ordinal)
            )
            {
                return true;
            }
        }

        return false;
    }

    private static Problem ControlCharacters(TextInputException text)
    {
        var field =
            text.Path is { } path && path.StartsWith("$.", StringComparison.Ordinal)
                ? path[2..]
                : null;
        return new(400, "The request could not be read.", TextInput.Message)
        {
            Errors =
                field is not null && field.Length <= 200 && SafeJsonPath().IsMatch(field)
                    ? new Dictionary<string, string[]> { [field] = [TextInput.Message] }
                    : null,
        };
    }

    private static Problem BadRequest(BadHttpRequestException bad) =>
        bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? new(413, "The request body is too large.", null)
        : bad.StatusCode == StatusCodes.Status414UriTooLong ? new(414, "The URL is too long.", null)
        : bad.InnerException is JsonException json ? InvalidJson(json)
        : new(
            bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400,
            "The request could not be read.",
            null
        );

    /// <summary>
    /// A body that does not bind: names the field by its JSON path when the reader knows it
    /// (a number where an amount string belongs, say), never echoes the value.
    /// </summary>
    private static Problem InvalidJson(JsonException json)
    {
        var field =
            json.Path is { } path && path.StartsWith("$.", StringComparison.Ordinal)
                ? path[2..]
                : null;
        return new(400, "The request could not be read.", InvalidJsonDetail)
        {
            Errors =
                field is not null && field.Length <= 200 && SafeJsonPath().IsMatch(field)
                    ? new Dictionary<string, string[]> { [field] = [InvalidJsonField] }
                    : null,
        };
    }

    private const string InvalidJsonDetail =
        "The request body is not valid JSON for this operation.";

    private const string InvalidJsonField =
        "Wrong JSON type or format: amounts are strings such as \"12.50\", dates are \"yyyy-MM-dd\".";

    [System.Text.RegularExpressions.GeneratedRegex(
        @"^[A-Za-z0-9_]+(\[\d+\])*(\.[A-Za-z0-9_]+(\[\d+\])*)*$"
    )]
    private static partial System.Text.RegularExpressions.Regex SafeJsonPath();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Endpoint}")]
    private partial void LogUnexpected(Exception exception, string method, string? endpoint);

    private sealed record Problem(int Status, string Title, string? Detail, string? Code = null)
    {
        public IDictionary<string, string[]>? Errors { get; init; }
        public int? CurrentVersion { get; init; }

        public static Problem Validation(ValidationException validation) =>
            new(400, "The request is invalid.", "See errors for the fields to fix.")
            {
                Errors = validation
                    .Errors.GroupBy(e => FieldName(e.PropertyName))
                    .ToDictionary(
                        g => g.Key,
                        g => g.Select(e => e.ErrorMessage).Distinct().ToArray()
                    ),
            };

        /// <summary>"Frequency.IntervalDays" becomes "frequency.intervalDays", as the JSON names it.</summary>
        private static string FieldName(string propertyName) =>
            string.Join(
                '.',
                propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)
            );

        public Microsoft.AspNetCore.Mvc.ProblemDetails ToProblemDetails()
        {
            var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = Status,
                Title = Title,
                Detail = Detail,
                Type = $"https://httpstatuses.io/{Status}",
            };
            if (Code is not null)
            {
                problem.Extensions["code"] = Code;
            }

            if (Errors is not null)
            {
                problem.Extensions["errors"] = Errors;
            }

            if (CurrentVersion is not null)
            {
                problem.Extensions["currentVersion"] = CurrentVersion;
            }

            return problem;
        }
    }
}
