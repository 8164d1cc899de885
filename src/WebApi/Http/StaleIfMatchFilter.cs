using Ledger.Application.Common.Exceptions;

namespace Ledger.WebApi.Http;

/// <summary>
/// A stale <c>If-Match</c> answers 412 with the current ETag (RFC 9110), so the client can read
/// again and retry. Answered here, inside the endpoint, because the exception handler
/// middleware strips cache headers, ETag included, from every response it writes.
/// </summary>
internal sealed class StaleIfMatchFilter : IEndpointFilter
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
            when (context.HttpContext.Request.Headers.IfMatch.Count > 0)
        {
            EntityTags.Set(context.HttpContext, conflict.CurrentVersion);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "The resource changed since you read it.",
                detail: conflict.Message,
                type: "https://httpstatuses.io/412",
                extensions: new Dictionary<string, object?>
                {
                    ["currentVersion"] = conflict.CurrentVersion,
                }
            );
        }
    }
}
