using Ledger.Infrastructure.RateLimiting;

namespace Ledger.WebApi.RateLimiting;

/// <summary>
/// Attaches the named rate limit policies to endpoints. Endpoints without one get the default
/// policy; <c>DisableRateLimiting()</c> exempts an endpoint from all of them.
/// </summary>
public static class RateLimitingEndpoints
{
    /// <summary>
    /// Login, token, registration, reset and confirmation: per IP and per account, the account
    /// read from <paramref name="accountField"/> (query, form or JSON) and kept only as a hash.
    /// </summary>
    public static TBuilder RequireAuthRateLimit<TBuilder>(
        this TBuilder builder,
        string accountField
    )
        where TBuilder : IEndpointConventionBuilder =>
        builder
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithMetadata(new RateLimitAccountField(accountField));

    /// <summary>Exports, uploads, job triggers and imports: per user.</summary>
    public static TBuilder RequireExpensiveRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(RateLimitPolicies.Expensive);

    /// <summary>Partner (client credentials) endpoints: per OAuth client.</summary>
    public static TBuilder RequirePartnerRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(RateLimitPolicies.Partner);
}
