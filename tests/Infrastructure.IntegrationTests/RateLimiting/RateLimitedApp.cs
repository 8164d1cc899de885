using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Ledger.Infrastructure.RateLimiting;
using Ledger.TestSupport;
using Ledger.WebApi.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ledger.Infrastructure.IntegrationTests.RateLimiting;

/// <summary>
/// A small app on Kestrel (127.0.0.1, free port) with the real Redis registration of
/// <see cref="DependencyInjection.AddInfrastructure"/>, the real rate limiting middleware and one
/// endpoint per policy. Limits are tiny so tests reach them; each test uses its own key prefix.
/// </summary>
public sealed class RateLimitedApp : IAsyncDisposable
{
    public const string TestPolicy = "test";
    public const string SubjectHeader = "X-Test-Sub";
    public const string ClientHeader = "X-Test-Client";

    private readonly WebApplication _app;

    private RateLimitedApp(WebApplication app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
        Address = new Uri(app.Urls.Single());
    }

    public Uri Address { get; }

    public CapturedLogs Logs { get; }

    public IRateLimiterStatus Status => _app.Services.GetRequiredService<IRateLimiterStatus>();

    public static async Task<RateLimitedApp> StartAsync(
        string? redis,
        string keyPrefix,
        IReadOnlyDictionary<string, string?>? settings = null
    )
    {
        var builder = WebApplication.CreateSlimBuilder(
            new WebApplicationOptions { EnvironmentName = "Testing" }
        );
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(Settings(redis, keyPrefix, settings));
        var logs = new CapturedLogs();
        builder
            .Logging.ClearProviders()
            .SetMinimumLevel(LogLevel.Debug)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddProvider(TestLogs.File)
            .AddProvider(logs);

        builder.Services.AddInfrastructure(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder
            .Services.AddAuthentication(HeaderAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(
                HeaderAuthentication.SchemeName,
                null
            );
        builder.Services.AddLedgerRateLimiting(builder.Configuration);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseLedgerRateLimiting();
        MapEndpoints(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new RateLimitedApp(app, logs);
    }

    /// <summary>
    /// A client with a short timeout (well under Redis' own timeouts), connecting from
    /// <paramref name="sourceAddress"/> (any 127.x.y.z) so tests can be several callers.
    /// </summary>
    public HttpClient Client(string sourceAddress = "127.0.0.1") =>
        new(
            new SocketsHttpHandler
            {
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var socket = new Socket(
                        AddressFamily.InterNetwork,
                        SocketType.Stream,
                        ProtocolType.Tcp
                    );
                    socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                    await socket.ConnectAsync(
                        IPAddress.Parse(context.DnsEndPoint.Host),
                        context.DnsEndPoint.Port,
                        cancellationToken
                    );
                    return new NetworkStream(socket, ownsSocket: true);
                },
            }
        )
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(2),
        };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The test policy (2 a minute) with another algorithm; a bucket of 2 refilled by 1 a minute.</summary>
    public static Dictionary<string, string?> TestPolicyOfKind(string kind) =>
        new()
        {
            [$"RateLimiting:Policies:{TestPolicy}:Kind"] = kind,
            [$"RateLimiting:Policies:{TestPolicy}:TokensPerPeriod"] = "1",
        };

    private static Dictionary<string, string?> Settings(
        string? redis,
        string keyPrefix,
        IReadOnlyDictionary<string, string?>? overrides
    )
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Ledger"] = TestEnvironment.PostgresAdminConnectionString,
            ["ConnectionStrings:Redis"] = redis,
            ["RateLimiting:KeyPrefix"] = keyPrefix,
            ["RateLimiting:RedisRetryInterval"] = "00:00:00.200",
            [$"RateLimiting:Policies:{TestPolicy}:PermitLimit"] = "2",
            [$"RateLimiting:Policies:{TestPolicy}:Window"] = "00:01:00",
            [$"RateLimiting:Policies:{TestPolicy}:PartitionBy"] = "Ip",
            ["RateLimiting:Policies:default:PermitLimit"] = "2",
            ["RateLimiting:Policies:auth:PermitLimit"] = "3",
            ["RateLimiting:Policies:expensive:PermitLimit"] = "2",
            ["RateLimiting:Policies:partner:PermitLimit"] = "2",
            ["RateLimiting:Policies:partner:TokensPerPeriod"] = "1",
            ["RateLimiting:Policies:partner:Window"] = "00:01:00",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/limited", () => "ok").RequireRateLimiting(TestPolicy);
        app.MapGet("/open", () => "ok");
        app.MapGet("/exempt", () => "ok").DisableRateLimiting();
        app.MapGet("/export", () => "ok").RequireRateLimiting(RateLimitPolicies.Expensive);
        app.MapGet("/partner", () => "ok").RequireRateLimiting(RateLimitPolicies.Partner);
        app.MapPost("/login", (LoginRequest request) => new LoginAnswer(request.Email is not null))
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithMetadata(
                new RateLimitAccountField(
                    "email",
                    RateLimitAccountSource.Json,
                    RateLimitAccountKind.Email
                )
            );
        app.MapPost("/login-form", ([FromForm] string email) => new LoginAnswer(email.Length > 0))
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithMetadata(
                new RateLimitAccountField(
                    "email",
                    RateLimitAccountSource.Form,
                    RateLimitAccountKind.Email
                )
            );
        app.MapGet("/confirm", (Guid userId) => new LoginAnswer(userId != Guid.Empty))
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithMetadata(new RateLimitAccountField("userId", RateLimitAccountSource.Query));
    }
}

public sealed record LoginRequest(string? Email, string? Password);

public sealed record LoginAnswer(bool Received);

/// <summary>
/// Stands in for OpenIddict validation: the caller's <c>sub</c> and <c>client_id</c> claims come
/// from test headers, so partitions by user and client can be exercised.
/// </summary>
internal sealed class HeaderAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder
) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeaders";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var claims = new List<Claim>();
        if (Request.Headers[RateLimitedApp.SubjectHeader].FirstOrDefault() is { } subject)
        {
            claims.Add(new Claim("sub", subject));
        }

        if (Request.Headers[RateLimitedApp.ClientHeader].FirstOrDefault() is { } client)
        {
            claims.Add(new Claim("client_id", client));
        }

        return Task.FromResult(
            claims.Count == 0
                ? AuthenticateResult.NoResult()
                : AuthenticateResult.Success(
                    new AuthenticationTicket(
                        new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)),
                        SchemeName
                    )
                )
        );
    }
}
