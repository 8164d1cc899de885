using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Ledger.Infrastructure.RateLimiting;

/// <summary>
/// Every configured policy's limiter, and the global limiter for endpoints that name none. The
/// limiters are rebuilt when <c>RateLimiting</c> changes at run time (ADR 0046); requests look
/// their policy up on each decision, so the new limits apply at once.
/// </summary>
internal sealed class PolicyLimiters : IDisposable
{
    // In-flight decisions may still hold a replaced limiter; it is disposed once they are done.
    private static readonly TimeSpan RetiredLimiterGrace = TimeSpan.FromSeconds(30);

    private readonly IConnectionMultiplexer? _redis;
    private readonly RateLimiterStatus _status;
    private readonly IDisposable? _subscription;
    private volatile Dictionary<string, PolicyLimiter> _limiters;

    public PolicyLimiters(
        IOptionsMonitor<RateLimitingOptions> options,
        IConnectionMultiplexer? redis,
        RateLimiterStatus status
    )
    {
        _redis = redis;
        _status = status;
        _limiters = Build(options.CurrentValue);
        Policies = _limiters.Keys.ToDictionary(
            name => name,
            name => (IRateLimiterPolicy<string>)new RequestRateLimiterPolicy(this, name),
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
        _subscription = options.OnChange((changed, _) => Replace(changed));
    }

    public PartitionedRateLimiter<HttpContext> GlobalLimiter { get; }

    /// <summary>The limiter currently in force for a policy.</summary>
    public PolicyLimiter this[string name] => _limiters[name];

    /// <summary>A client credentials token: its subject is the client itself, not a user.</summary>
    private static bool IsPartner(HttpContext context) =>
        context.User.FindFirst("client_id")?.Value is { Length: > 0 } clientId
        && context.User.FindFirst("sub")?.Value == clientId;

    public IReadOnlyDictionary<string, IRateLimiterPolicy<string>> Policies { get; }

    public void Dispose()
    {
        _subscription?.Dispose();
        GlobalLimiter.Dispose();
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private Dictionary<string, PolicyLimiter> Build(RateLimitingOptions options) =>
        options.Policies.ToDictionary(
            policy => policy.Key,
            policy => new PolicyLimiter(policy.Key, policy.Value, options, _redis, _status),
            StringComparer.OrdinalIgnoreCase
        );

    /// <summary>
    /// New limits from a validated change. Policies endpoints name were fixed at start-up; one
    /// missing from the new settings keeps its limiter.
    /// </summary>
    private void Replace(RateLimitingOptions options)
    {
        var previous = _limiters;
        var next = Build(options);
        foreach (var (name, limiter) in previous)
        {
            next.TryAdd(name, limiter);
        }

        _limiters = next;
        var retired = previous.Values.Where(limiter => !next.ContainsValue(limiter)).ToList();
        _ = Task.Delay(RetiredLimiterGrace)
            .ContinueWith(
                _ => retired.ForEach(limiter => limiter.Dispose()),
                TaskScheduler.Default
            );
    }
}
