using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Ledger.Infrastructure.RateLimiting;

/// <summary>Every refusal: 429, <c>Retry-After</c> in seconds and an RFC 9457 problem.</summary>
internal static class RateLimitRejection
{
    public const string ProblemType = "https://www.rfc-editor.org/rfc/rfc6585#section-4";

    public static async ValueTask WriteAsync(
        OnRejectedContext context,
        CancellationToken cancellationToken
    )
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? wait
            : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(
            CultureInfo.InvariantCulture
        );
        var problem = new ProblemDetails
        {
            Type = ProblemType,
            Title = "Too many requests",
            Status = StatusCodes.Status429TooManyRequests,
            Detail = $"The rate limit for this operation was reached. Retry in {seconds} seconds.",
        };
        await TypedResults.Problem(problem).ExecuteAsync(context.HttpContext);
    }
}
