namespace Ledger.WebApi.Http;

/// <summary>
/// Refuses a path and query string longer than <see cref="MaxUrlLength"/> with a 414 problem.
/// Kestrel's own request-line limit is set above this one, so the app answers in its own format
/// instead of Kestrel's bare 414 (issue 20 item 13).
/// </summary>
public sealed class UrlLengthLimitMiddleware(RequestDelegate next)
{
    public const int MaxUrlLength = 8 * 1024;

    /// <summary>Kestrel's request-line limit: above ours, so that ours answers first.</summary>
    public const int KestrelRequestLineLimit = 32 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var length =
            request.PathBase.Value?.Length
            + request.Path.Value?.Length
            + request.QueryString.Value?.Length;
        if (length > MaxUrlLength)
        {
            throw new BadHttpRequestException(
                "The URL is too long.",
                StatusCodes.Status414UriTooLong
            );
        }

        return next(context);
    }
}
