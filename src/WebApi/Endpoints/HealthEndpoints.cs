using Ledger.Infrastructure.Persistence;
using Ledger.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Ledger.WebApi.Endpoints;

/// <summary>
/// Public probes. They say whether the service works and nothing else: no versions, no
/// environment names (docs/requirements.md A15). Build details live on the admin diagnostics endpoint.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth)
            .AllowAnonymous()
            .DisableRateLimiting()
            .ExcludeFromDescription();
        app.MapGet("/health/ready", GetReadiness)
            .AllowAnonymous()
            .DisableRateLimiting()
            .ExcludeFromDescription();
        return app;
    }

    public static Ok<HealthResponse> GetHealth() => TypedResults.Ok(new HealthResponse("ok"));

    public static async Task<
        Results<Ok<ReadinessResponse>, JsonHttpResult<ReadinessResponse>>
    > GetReadiness(
        ApplicationDbContext db,
        [FromServices] IConnectionMultiplexer? redis,
        IRateLimiterStatus rateLimiter,
        CancellationToken cancellationToken
    )
    {
        var database = await CheckDatabaseAsync(db, cancellationToken);
        var cache = await CheckRedisAsync(redis);
        var ready = database == "ok";
        var shared = cache == "ok" && !rateLimiter.IsDegraded;
        var response = new ReadinessResponse(
            ready ? (shared ? "ok" : "degraded") : "unavailable",
            database,
            cache
        );
        return ready
            ? TypedResults.Ok(response)
            : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<string> CheckDatabaseAsync(
        ApplicationDbContext db,
        CancellationToken cancellationToken
    )
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            return await db.Database.CanConnectAsync(timeout.Token) ? "ok" : "unavailable";
        }
        catch (Exception)
        {
            return "unavailable";
        }
    }

    private static async Task<string> CheckRedisAsync(IConnectionMultiplexer? redis)
    {
        if (redis is null || !redis.IsConnected)
        {
            return "unavailable";
        }

        try
        {
            await redis.GetDatabase().PingAsync();
            return "ok";
        }
        catch (Exception)
        {
            return "unavailable";
        }
    }
}

public sealed record HealthResponse(string Status);

/// <summary>Readiness: <c>degraded</c> means serving with local rate limits because Redis is away.</summary>
public sealed record ReadinessResponse(string Status, string Database, string Redis);
