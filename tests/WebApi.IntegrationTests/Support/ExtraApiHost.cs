using Ledger.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Ledger.WebApi.IntegrationTests.Support;

/// <summary>
/// A second app host beside <see cref="ApiHost.Factory"/>: the same app after a restart, or
/// the app booting in another environment. Its logs go to a file of their own (still scanned).
/// </summary>
public sealed class ExtraApiHost(string environment, IReadOnlyDictionary<string, string?> settings)
    : WebApplicationFactory<Program>
{
    /// <summary>The test host as it would come back after a restart: same database, same keys folder.</summary>
    public static ExtraApiHost Restarted() => new("Testing", RestartedSettings());

    private static Dictionary<string, string?> RestartedSettings() =>
        new Dictionary<string, string?>
        {
            ["Auth:WebClient:ClientId"] = TestOAuthClient.ClientId,
            ["Auth:WebClient:RedirectUris:0"] = TestOAuthClient.RedirectUri,
            ["Auth:WebClient:PostLogoutRedirectUris:0"] = TestOAuthClient.PostLogoutRedirectUri,
            // Lifted like the shared host's: they count in the same Redis, and the token
            // endpoint is limited too.
            ["RateLimiting:Policies:auth:PermitLimit"] = "1000000",
            ["RateLimiting:Policies:default:PermitLimit"] = "1000000",
        }
            .Concat(ServiceConnections())
            .ToDictionary();

    /// <summary>The test host with these users as platform admins (<c>Admin:UserIds</c>).</summary>
    public static ExtraApiHost WithAdmins(params Guid[] adminIds) =>
        new(
            "Testing",
            RestartedSettings()
                .Concat(
                    adminIds.Select(
                        (id, i) =>
                            new KeyValuePair<string, string?>($"Admin:UserIds:{i}", id.ToString())
                    )
                )
                .ToDictionary()
        );

    /// <summary>
    /// The test host with every rate limit at its shipped value, on this Redis. The database
    /// connection carries <paramref name="applicationName"/> when given, so a test can find the
    /// host's own connections in <c>pg_stat_activity</c>.
    /// </summary>
    public static ExtraApiHost WithShippedLimits(
        string redis,
        string? applicationName = null,
        IReadOnlyDictionary<string, string?>? settings = null
    ) =>
        new(
            "Testing",
            new Dictionary<string, string?>
            {
                ["Auth:WebClient:ClientId"] = TestOAuthClient.ClientId,
                ["Auth:WebClient:RedirectUris:0"] = TestOAuthClient.RedirectUri,
                ["Auth:WebClient:PostLogoutRedirectUris:0"] = TestOAuthClient.PostLogoutRedirectUri,
                ["ConnectionStrings:Ledger"] = applicationName is null
                    ? ApiHost.Database.ConnectionString
                    : $"{ApiHost.Database.ConnectionString};Application Name={applicationName}",
                ["ConnectionStrings:Redis"] = redis,
            }
                .Concat(settings ?? new Dictionary<string, string?>())
                .ToDictionary()
        );

    /// <summary>
    /// A host in Production with these settings besides the database, Redis, a frontend origin
    /// the key-ring encryption key and the receipts root (what ProductionGuard requires next to
    /// the token keys).
    /// </summary>
    public static ExtraApiHost Production(IReadOnlyDictionary<string, string?> settings) =>
        new(
            "Production",
            settings
                .Concat(ServiceConnections())
                .Append(new("Cors:Origins:0", "https://app.ledger.example"))
                // The key ring is shared with the other hosts of the run: encrypted as theirs.
                .Append(
                    new(
                        Infrastructure.Identity.KeyRingEncryptionKey.Setting,
                        Infrastructure.Identity.KeyRingEncryptionKey.DevelopmentKeyBase64
                    )
                )
                .Append(new("Storage:ReceiptsRoot", ApiHost.ReceiptsRoot))
                .ToDictionary()
        );

    private static Dictionary<string, string?> ServiceConnections() =>
        new()
        {
            ["ConnectionStrings:Ledger"] = ApiHost.Database.ConnectionString,
            ["ConnectionStrings:Redis"] = TestEnvironment.RedisConnectionString,
        };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        OpenApi.ResponseConformanceAttribute.Register(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
            logging
                .SetMinimumLevel(LogLevel.Debug)
                .AddProvider(
                    new FileLoggerProvider(
                        $"http-{environment.ToLowerInvariant()}-{Guid.NewGuid():N}.log"
                    )
                )
        );
    }
}
