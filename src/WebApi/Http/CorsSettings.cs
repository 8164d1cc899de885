using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Ledger.WebApi.Http;

/// <summary>
/// CORS from configuration only (docs/requirements.md A11, #16): <c>Cors:Origins</c> lists the frontends;
/// credentials are off unless <c>Cors:AllowCredentials</c> says so. No origins, no CORS.
/// </summary>
public sealed record CorsSettings(IReadOnlyList<string> Origins, bool AllowCredentials)
{
    public static CorsSettings From(IConfiguration configuration) =>
        new(
            configuration.GetSection("Cors:Origins").Get<string[]>() ?? [],
            configuration.GetValue("Cors:AllowCredentials", defaultValue: false)
        );

    public void Apply(CorsPolicyBuilder policy)
    {
        policy
            .WithOrigins([.. Origins])
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("ETag", "Retry-After", "Location");
        if (AllowCredentials)
        {
            policy.AllowCredentials();
        }
        else
        {
            policy.DisallowCredentials();
        }
    }

    /// <summary>Origins Production must not accept: wildcards and local development hosts.</summary>
    public IEnumerable<string> UnsafeForProduction() =>
        Origins.Where(origin =>
            origin.Contains('*', StringComparison.Ordinal)
            || !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || uri.IsLoopback
            || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || uri.Scheme != Uri.UriSchemeHttps
        );
}
