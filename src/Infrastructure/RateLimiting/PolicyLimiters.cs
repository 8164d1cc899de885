using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Ledger.Infrastructure.RateLimiting;

/// <summary>Every configured policy's limiter, and the global limiter for endpoints that name none.</summary>
internal sealed class PolicyLimiters : IDisposable
{
    private readonly Dictionary<string, PolicyLimiter> _limiters;

    public PolicyLimiters(
        IOptions<RateLimitingOptions> options,
        IConnectionMultiplexer? redis,
        RateLimiterStatus status
    )
    {
        _limiters = options.Value.Policies.ToDictionary(
            policy => policy.Key,
            policy => new PolicyLimiter(policy.Key, policy.Value, options.Value, redis, status),
            StringComparer.OrdinalIgnoreCase
        );
        Policies = _limiters.ToDictionary(
            limiter => limiter.Key,
            limiter => (IRateLimiterPolicy<string>)new RequestRateLimiterPolicy(limiter.Value),
            StringComparer.OrdinalIgnoreCase
        );
        var defaultPolicy = Policies[RateLimitPolicies.Default];
        var partnerPolicy = Policies[RateLimitPolicies.Partner];
        GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null
                // One decision per request: an endpoint's own policy replaces the default.
                ? RateLimitPartition.GetNoLimiter(string.Empty)
            // Partners have limits of their own, per client, on every endpoint they call.
            : IsPartner(context) ? partnerPolicy.GetPartition(context)
            : defaultPolicy.GetPartition(context)
        );
    }

    public PartitionedRateLimiter<HttpContext> GlobalLimiter { get; }

    /// <summary>A client credentials token: its subject is the client itself, not a user.</summary>
    private static bool IsPartner(HttpContext context) =>
        context.User.FindFirst("client_id")?.Value is { Length: > 0 } clientId
        && context.User.FindFirst("sub")?.Value == clientId;

    public IReadOnlyDictionary<string, IRateLimiterPolicy<string>> Policies { get; }

    public void Dispose()
    {
        GlobalLimiter.Dispose();
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
