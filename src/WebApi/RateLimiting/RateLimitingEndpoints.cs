using Ledger.Infrastructure.RateLimiting;

namespace Ledger.WebApi.RateLimiting;

/// <summary>
/// Attaches the named rate limit policies to endpoints. Endpoints without one get the default
/// policy; <c>DisableRateLimiting()</c> exempts an endpoint from all of them.
/// </summary>
public static class RateLimitingEndpoints
{
    /// <summary>
    /// Login, token, registration, reset and confirmation: per client address and per account,
    /// the account read from <paramref name="accountField"/> (exactly where the endpoint reads
    /// it) and kept only as a hash.
    /// </summary>
    public static TBuilder RequireAuthRateLimit<TBuilder>(
        this TBuilder builder,
        RateLimitAccountField accountField
    )
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(RateLimitPolicies.Auth).WithMetadata(accountField);

    /// <summary>An email in a form field, normalised as Identity finds users by it.</summary>
    public static RateLimitAccountField FormEmail(string name) =>
        new(name, RateLimitAccountSource.Form, RateLimitAccountKind.Email);

    /// <summary>An email in a JSON body, normalised as Identity finds users by it.</summary>
    public static RateLimitAccountField JsonEmail(string name) =>
        new(name, RateLimitAccountSource.Json, RateLimitAccountKind.Email);

    /// <summary>A user id in a JSON body.</summary>
    public static RateLimitAccountField JsonUserId(string name) =>
        new(name, RateLimitAccountSource.Json, RateLimitAccountKind.Identifier);

    /// <summary>Exports, uploads, job triggers and imports: per user.</summary>
    public static TBuilder RequireExpensiveRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(RateLimitPolicies.Expensive);

    /// <summary>Partner (client credentials) endpoints: per OAuth client.</summary>
    public static TBuilder RequirePartnerRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(RateLimitPolicies.Partner);
}
