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
        GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null
                ? defaultPolicy.GetPartition(context)
                // One decision per request: an endpoint's own policy replaces the default.
                : RateLimitPartition.GetNoLimiter(string.Empty)
        );
    }

    public PartitionedRateLimiter<HttpContext> GlobalLimiter { get; }

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
