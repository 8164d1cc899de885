namespace Ledger.Infrastructure.RateLimiting;

/// <summary>
/// Endpoint metadata: the query, form or top-level JSON field holding the account a request is
/// about (e.g. the login email), for policies partitioned by <see cref="RateLimitPartitionBy.Account"/>.
/// </summary>
public sealed class RateLimitAccountField(string name)
{
    public string Name { get; } = name;
}

/// <summary>The hashed account key of the current request, set before the rate limiter runs.</summary>
internal sealed class RateLimitAccount(string key)
{
    public string Key { get; } = key;
}
