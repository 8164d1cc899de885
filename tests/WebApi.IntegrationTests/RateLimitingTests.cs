using System.Net;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.Infrastructure.RateLimiting;
using Ledger.TestSupport;
using Ledger.WebApi.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledger.WebApi.IntegrationTests;

public sealed class RateLimitingTests
{
    [Test]
    public async Task Should_report_degraded_readiness_while_rate_limits_are_decided_locally()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var factory = new RateLimitedApiFactory(
            ApiHost.Database.ConnectionString,
            redis.ConnectionString
        );
        using var client = factory.CreateClient();
        (await ReadinessAsync(client)).Should().Be("ok");

        // Out of memory, Redis still answers PING but refuses the limiter's scripts.
        await redis.ExecuteAsync("CONFIG", "SET", "maxmemory-policy", "noeviction");
        await redis.ExecuteAsync("CONFIG", "SET", "maxmemory", "1");
        using (var decidedLocally = await client.GetAsync("/no-such-page"))
        {
            decidedLocally.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await ReadinessAsync(client)).Should().Be("degraded");

        await redis.ExecuteAsync("CONFIG", "SET", "maxmemory", "0");
        var recovered = false;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!recovered && !deadline.IsCancellationRequested)
        {
            // Each request lets the limiter try Redis again once the retry interval is over.
            using var probe = await client.GetAsync("/no-such-page");
            recovered = await ReadinessAsync(client) == "ok";
            await Task.Delay(50, CancellationToken.None);
        }

        recovered.Should().BeTrue();
    }

    [Test]
    public void Should_attach_the_named_policies_and_the_account_field()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        app.MapPost("/login", () => "ok")
            .RequireAuthRateLimit(RateLimitingEndpoints.FormEmail("email"));
        app.MapGet("/export", () => "ok").RequireExpensiveRateLimit();
        app.MapGet("/partner", () => "ok").RequirePartnerRateLimit();

        var endpoints = ((IEndpointRouteBuilder)app)
            .DataSources.SelectMany(source => source.Endpoints)
            .ToDictionary(endpoint => ((RouteEndpoint)endpoint).RoutePattern.RawText!);

        string? Policy(string route) =>
            endpoints[route].Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        Policy("/login").Should().Be(RateLimitPolicies.Auth);
        Policy("/export").Should().Be(RateLimitPolicies.Expensive);
        Policy("/partner").Should().Be(RateLimitPolicies.Partner);
        endpoints["/login"]
            .Metadata.GetMetadata<RateLimitAccountField>()!
            .Name.Should()
            .Be("email");
    }

    private static async Task<string?> ReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("status").GetString();
    }

    /// <summary>The API, wired as in production, against a Redis of the test's own.</summary>
    private sealed class RateLimitedApiFactory(string database, string redis)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Ledger", database);
            builder.UseSetting("ConnectionStrings:Redis", redis);
            builder.UseSetting("RateLimiting:RedisRetryInterval", "00:00:00.100");
            builder.ConfigureLogging(logging =>
                logging
                    .SetMinimumLevel(LogLevel.Debug)
                    .AddProvider(new FileLoggerProvider("http-ratelimiting.log"))
            );
        }
    }
}
