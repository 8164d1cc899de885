using System.Net;
using AwesomeAssertions;
using Ledger.TestSupport;
using Microsoft.Extensions.Logging;

namespace Ledger.Infrastructure.IntegrationTests.RateLimiting;

/// <summary>
/// Redis away: each test runs a redis-server of its own and kills or breaks it mid-test. Every
/// client gives up after 2 s, far below the ~5.5 s stall of a bare Redis limiter, so a stalled
/// request fails the test instead of merely slowing it.
/// </summary>
public sealed class RedisOutageTests
{
    private const string ToLocal = "RateLimitingLocal";
    private const string ToShared = "RateLimitingShared";

    [Test]
    public async Task Should_decide_locally_at_once_while_Redis_is_stopped_and_share_again_when_it_returns()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var app = await RateLimitedApp.StartAsync(
            redis.ConnectionString,
            RedisKeys.UniquePrefix()
        );
        using var client = app.Client();
        using (var shared = await client.GetAsync("/limited"))
        {
            shared.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        redis.Kill();
        var whileStopped = await SharedRateLimitTests.StatusesAsync(client, "/limited", 3);
        using var refused = await client.GetAsync("/limited");

        whileStopped
            .Should()
            .Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "it never fails open");
        refused.Headers.RetryAfter!.Delta.Should().BePositive();
        app.Status.IsDegraded.Should().BeTrue();
        var switches = app.Logs.WithEvent(ToLocal);
        switches.Should().ContainSingle("one line per transition, not per request");
        switches[0].Level.Should().Be(LogLevel.Warning);
        switches[0].Message.Should().Contain("in-process limits");

        await redis.StartAgainAsync();
        var backToShared = await Eventually.HoldsAsync(
            () => Task.FromResult(!app.Status.IsDegraded),
            TimeSpan.FromSeconds(30)
        );
        using var afterReturn = await client.GetAsync("/limited");

        backToShared.Should().BeTrue();
        afterReturn.StatusCode.Should().Be(HttpStatusCode.OK, "the restarted Redis starts empty");
        (await CountKeysAsync(redis)).Should().BePositive("decisions are made in Redis again");
        app.Logs.WithEvent(ToShared).Should().ContainSingle();
        app.Logs.WithEvent(ToLocal).Should().ContainSingle();
    }

    [Test]
    public async Task Should_decide_locally_while_Redis_refuses_the_script_and_ask_Redis_again_later()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var app = await RateLimitedApp.StartAsync(
            redis.ConnectionString,
            RedisKeys.UniquePrefix()
        );
        using var client = app.Client();
        await redis.ExecuteAsync("CONFIG", "SET", "maxmemory-policy", "noeviction");
        await redis.ExecuteAsync("CONFIG", "SET", "maxmemory", "1");

        var whileRefusing = await SharedRateLimitTests.StatusesAsync(client, "/limited", 3);

        whileRefusing
            .Should()
            .Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        app.Status.IsDegraded.Should().BeTrue();
        app.Logs.WithEvent(ToLocal)
            .Should()
            .ContainSingle()
            .Which.Message.Should()
            .Contain("Redis");

        await redis.ExecuteAsync("CONFIG", "SET", "maxmemory", "0");
        var recovered = await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await client.GetAsync("/limited");
                return !app.Status.IsDegraded;
            },
            TimeSpan.FromSeconds(10)
        );

        recovered.Should().BeTrue();
        (await CountKeysAsync(redis)).Should().BePositive();
        app.Logs.WithEvent(ToShared).Should().ContainSingle();
    }

    [TestCase("FixedWindow")]
    [TestCase("SlidingWindow")]
    [TestCase("TokenBucket")]
    public async Task Should_limit_in_process_and_report_degraded_when_no_Redis_is_configured(
        string kind
    )
    {
        await using var app = await RateLimitedApp.StartAsync(
            null,
            RedisKeys.UniquePrefix(),
            RateLimitedApp.TestPolicyOfKind(kind)
        );
        using var client = app.Client();

        var statuses = await SharedRateLimitTests.StatusesAsync(client, "/limited", 3);

        statuses
            .Should()
            .Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        app.Status.IsDegraded.Should().BeTrue();
        app.Logs.WithEvent(ToLocal).Should().ContainSingle();
    }

    private static async Task<long> CountKeysAsync(RedisServer redis) =>
        (long)await redis.ExecuteAsync("DBSIZE");
}
