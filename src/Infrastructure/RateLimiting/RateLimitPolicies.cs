namespace Ledger.Infrastructure.RateLimiting;

/// <summary>The named policies endpoints attach, and their limits when configuration says nothing.</summary>
public static class RateLimitPolicies
{
    /// <summary>Every endpoint that names no other policy.</summary>
    public const string Default = "default";

    /// <summary>Login, token, registration, password reset and confirmation.</summary>
    public const string Auth = "auth";

    /// <summary>Exports, uploads, job triggers and imports.</summary>
    public const string Expensive = "expensive";

    /// <summary>Integration partners, per OAuth client.</summary>
    public const string Partner = "partner";

    internal static void AddDefaults(RateLimitingOptions options)
    {
        options.Policies[Default] = new RateLimitPolicyOptions
        {
            Kind = RateLimitAlgorithm.FixedWindow,
            PermitLimit = 300,
            Window = TimeSpan.FromMinutes(1),
            PartitionBy = nameof(RateLimitPartitionBy.User),
        };
        options.Policies[Auth] = new RateLimitPolicyOptions
        {
            Kind = RateLimitAlgorithm.FixedWindow,
            PermitLimit = 10,
            Window = TimeSpan.FromMinutes(5),
            PartitionBy =
                $"{nameof(RateLimitPartitionBy.Ip)},{nameof(RateLimitPartitionBy.Account)}",
        };
        options.Policies[Expensive] = new RateLimitPolicyOptions
        {
            Kind = RateLimitAlgorithm.FixedWindow,
            PermitLimit = 10,
            Window = TimeSpan.FromMinutes(10),
            PartitionBy = nameof(RateLimitPartitionBy.User),
        };
        options.Policies[Partner] = new RateLimitPolicyOptions
        {
            Kind = RateLimitAlgorithm.TokenBucket,
            PermitLimit = 100,
            TokensPerPeriod = 10,
            Window = TimeSpan.FromSeconds(6),
            PartitionBy = nameof(RateLimitPartitionBy.Client),
        };
    }
}
