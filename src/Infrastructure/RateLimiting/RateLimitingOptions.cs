namespace Ledger.Infrastructure.RateLimiting;

/// <summary>
/// Bound from <c>RateLimiting</c>. Each policy lives under <c>RateLimiting:Policies:&lt;name&gt;</c>;
/// a setting given there overrides that one setting of the built-in defaults
/// (<see cref="RateLimitPolicies"/>).
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Starts every Redis key, so environments sharing one Redis never share counters.</summary>
    public string KeyPrefix { get; set; } = "ledger";

    /// <summary>The longest a request waits for Redis' decision before it is decided locally.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>After a failed Redis call, how long to decide locally before asking Redis again.</summary>
    public TimeSpan RedisRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    public Dictionary<string, RateLimitPolicyOptions> Policies { get; } =
        new(StringComparer.OrdinalIgnoreCase);
}

public sealed class RateLimitPolicyOptions
{
    public RateLimitAlgorithm Kind { get; set; } = RateLimitAlgorithm.FixedWindow;

    /// <summary>Requests per window; for a token bucket, the bucket's size.</summary>
    public int PermitLimit { get; set; }

    /// <summary>The window; for a token bucket, the replenishment period.</summary>
    public TimeSpan Window { get; set; }

    /// <summary>Token bucket only: tokens added each <see cref="Window"/>.</summary>
    public int TokensPerPeriod { get; set; }

    /// <summary>
    /// Comma-separated <see cref="RateLimitPartitionBy"/> values, e.g. <c>Ip,Account</c>; each is
    /// limited separately and a request must pass all. A string, because the configuration binder
    /// appends to lists instead of replacing a default one.
    /// </summary>
    public string PartitionBy { get; set; } = nameof(RateLimitPartitionBy.Ip);

    internal IReadOnlyList<RateLimitPartitionBy> Partitions =>
        PartitionNames().Select(Parse).OfType<RateLimitPartitionBy>().Distinct().ToList();

    internal IEnumerable<string> UnknownPartitions =>
        PartitionNames().Where(value => Parse(value) is null);

    private string[] PartitionNames() =>
        PartitionBy.Split(
            ',',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
        );

    private static RateLimitPartitionBy? Parse(string value) =>
        Enum.TryParse<RateLimitPartitionBy>(value, ignoreCase: true, out var kind)
        && Enum.IsDefined(kind)
        && !int.TryParse(value, out _)
            ? kind
            : null;
}

public enum RateLimitAlgorithm
{
    FixedWindow,
    SlidingWindow,
    TokenBucket,
}

public enum RateLimitPartitionBy
{
    /// <summary>The caller's address (IPv6 callers by their /64 network).</summary>
    Ip,

    /// <summary>The <c>sub</c> claim; callers without one are limited by <see cref="Ip"/>.</summary>
    User,

    /// <summary>The <c>client_id</c> claim; callers without one are limited by <see cref="Ip"/>.</summary>
    Client,

    /// <summary>
    /// The account a request is about, read from the field its endpoint names with
    /// <see cref="RateLimitAccountField"/> and kept only as a hash. Requests without it skip this
    /// partition, so a policy needs another partition besides this one.
    /// </summary>
    Account,
}
