using System.Net;
using AwesomeAssertions;
using Ledger.TestSupport;
using StackExchange.Redis;

namespace Ledger.Infrastructure.IntegrationTests.RateLimiting;

/// <summary>
/// P6: at most one Redis round trip per limited request, counted by Redis itself on a server of
/// the test's own. INFO commandstats cannot tell a script's inner commands from a client's, so the
/// slow log (threshold 0: every command) is read instead: it names the client of each top-level
/// command and files a script's inner commands under the Lua client (<c>?:0</c>). The first use of
/// a script on a connection also sends SCRIPT LOAD, so each test warms up from another address.
/// </summary>
public sealed class RoundTripTests
{
    private const int Requests = 20;

    [Test]
    public async Task Should_send_one_script_and_nothing_else_per_limited_request()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var app = await RateLimitedApp.StartAsync(
            redis.ConnectionString,
            RedisKeys.UniquePrefix(),
            new Dictionary<string, string?>
            {
                [$"RateLimiting:Policies:{RateLimitedApp.TestPolicy}:PermitLimit"] = "10",
            }
        );
        using var client = app.Client();
        await WarmUpAsync(app, "/limited");
        await StartCountingAsync(redis);

        var statuses = await SharedRateLimitTests.StatusesAsync(client, "/limited", Requests);
        var commands = await CommandsOfTheAppAsync(redis);

        statuses.Count(status => status == HttpStatusCode.OK).Should().Be(10);
        statuses.Count(status => status == HttpStatusCode.TooManyRequests).Should().Be(10);
        commands
            .Should()
            .HaveCount(Requests, "every decision, granted or refused, is one call")
            .And.OnlyContain(command => command == "evalsha" || command == "eval");
    }

    [Test]
    public async Task Should_send_one_script_for_a_two_partition_policy_and_nothing_else()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var app = await RateLimitedApp.StartAsync(
            redis.ConnectionString,
            RedisKeys.UniquePrefix(),
            new Dictionary<string, string?> { ["RateLimiting:Policies:auth:PermitLimit"] = "100" }
        );
        using var client = app.Client();
        await WarmUpAsync(app, $"/confirm?userId={Guid.NewGuid()}");
        await StartCountingAsync(redis);

        for (var i = 0; i < Requests; i++)
        {
            using var response = await client.GetAsync($"/confirm?userId={Guid.NewGuid()}");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var commands = await CommandsOfTheAppAsync(redis);
        commands
            .Should()
            .HaveCount(Requests, "one script decides the address and the account at once")
            .And.OnlyContain(command => command == "evalsha" || command == "eval");
    }

    private static async Task WarmUpAsync(RateLimitedApp app, string path)
    {
        using var otherCaller = app.Client("127.0.0.2");
        using var response = await otherCaller.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task StartCountingAsync(RedisServer redis)
    {
        await redis.ExecuteAsync("CONFIG", "SET", "slowlog-log-slower-than", "0");
        await redis.ExecuteAsync("CONFIG", "SET", "slowlog-max-len", "100000");
        await redis.ExecuteAsync("SLOWLOG", "RESET");
    }

    /// <summary>The top-level commands sent since counting started by any client but the test's own.</summary>
    private static async Task<List<string>> CommandsOfTheAppAsync(RedisServer redis)
    {
        var entries = (RedisResult[])(await redis.ExecuteAsync("SLOWLOG", "GET", "-1"))!;
        return entries
            .Select(entry => (RedisResult[])entry!)
            .Where(entry =>
                (string?)entry[4] != "?:0" && (string?)entry[5] != RedisServer.AdminClientName
            )
            .Select(entry => ((string)((RedisResult[])entry[3]!)[0]!).ToLowerInvariant())
            .ToList();
    }
}
