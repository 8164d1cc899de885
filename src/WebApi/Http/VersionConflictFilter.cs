using Ledger.Application.Common.Exceptions;

namespace Ledger.WebApi.Http;

/// <summary>
/// Answers a stale version on the endpoint itself: 412 with the current ETag when the client sent
/// If-Match, 409 when the version came in the body. This cannot live in the exception handler,
/// because ASP.NET Core's exception-handler middleware strips ETag headers from error responses.
/// </summary>
public sealed class VersionConflictFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next
    )
    {
        try
        {
            return await next(context);
        }
        catch (VersionConflictException conflict)
        {
            var http = context.HttpContext;
            var precondition = http.Request.Headers.IfMatch.Count > 0;
            EntityTags.Set(http, conflict.CurrentVersion);
            return TypedResults.Problem(
                title: "The resource changed since you read it.",
                detail: conflict.Message,
                statusCode: precondition
                    ? StatusCodes.Status412PreconditionFailed
                    : StatusCodes.Status409Conflict,
                type: $"https://httpstatuses.io/{(precondition ? 412 : 409)}",
                extensions: new Dictionary<string, object?>
                {
                    ["currentVersion"] = conflict.CurrentVersion,
                }
            );
        }
    }
}
