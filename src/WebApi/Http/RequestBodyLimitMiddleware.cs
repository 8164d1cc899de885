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
        var limit =
            context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>()?.Bytes
            ?? HttpSetup.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException(
                "The request body is too large.",
                StatusCodes.Status413PayloadTooLarge
            );
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}

/// <summary>
/// A larger body limit for one endpoint (imports, receipt uploads) than
/// <see cref="HttpSetup.MaxRequestBodyBytes"/>; enforced the same way, by Content-Length and
/// while streaming.
/// </summary>
public sealed record RequestBodyLimit(long Bytes);

public static class RequestBodyLimitConventions
{
    public static RouteHandlerBuilder WithRequestBodyLimit(
        this RouteHandlerBuilder builder,
        long bytes
    ) => builder.WithMetadata(new RequestBodyLimit(bytes));
}
