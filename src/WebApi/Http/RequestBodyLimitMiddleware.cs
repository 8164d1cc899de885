using Microsoft.AspNetCore.Http.Features;

namespace Ledger.WebApi.Http;

/// <summary>
/// Refuses oversized bodies with 413 whatever the server in front (Kestrel enforces its own limit
/// too; the in-process test server does not): by Content-Length at once, and by the
/// max-request-body-size feature while streaming.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > HttpSetup.MaxRequestBodyBytes)
        {
            throw new BadHttpRequestException(
                "The request body is too large.",
                StatusCodes.Status413PayloadTooLarge
            );
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = HttpSetup.MaxRequestBodyBytes;
        }

        return next(context);
    }
}
