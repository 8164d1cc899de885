using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Reliability;

/// <summary>
/// R6, the Redis half, on the real API with its shipped limits: several users keep calling it
/// while its Redis process is killed and later started again. No request gets a 5xx; the limits
/// go on being enforced locally (a user's 11th export is still refused); readiness says
/// "degraded" while Redis is away and "ok" once it is back; and the limits are counted in Redis
/// again after it returns. The one changed setting is the retry interval of the limiter (1 s
/// instead of 5 s), so that the return is noticed sooner; it is not what is tested here.
/// </summary>
public sealed class RedisOutageUnderLoadTests : HttpTest
{
    private const int Users = 3;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Should_keep_serving_with_local_limits_while_redis_is_killed_and_use_it_again_once_back()
    {
        await using var redis = await RedisServer.StartAsync();
        var users = new List<ApiUser>();
        for (var i = 0; i <= Users; i++)
        {
            users.Add(await ApiUsers.SignUpAsync());
        }

        await using var host = ExtraApiHost.WithShippedLimits(
            redis.ConnectionString,
            settings: new Dictionary<string, string?>
            {
                ["RateLimiting:RedisRetryInterval"] = "00:00:01",
            }
        );
        using var probe = host.CreateClient();
        var exporter = ApiUsers.ClientWith(users[Users].Tokens.AccessToken, host);
        var clients = users
            .Take(Users)
            .Select(u => ApiUsers.ClientWith(u.Tokens.AccessToken, host))
            .ToList();
        (await ReadinessAsync(probe)).Should().Be(("ok", "ok"));

        var load = new Load(clients);
        try
        {
            await load.WaitForMoreAsync(Phase.Before, 30, Wait);
            var keysBefore = await KeysAsync(redis);

            redis.Kill();
            load.Phase = Phase.Outage;
            var degraded = await Eventually.HoldsAsync(
                async () => await ReadinessAsync(probe) == ("degraded", "unavailable"),
                Wait
            );
            await load.WaitForMoreAsync(Phase.Outage, 30, Wait);
            var exports = new List<HttpStatusCode>();
            for (var i = 0; i <= 10; i++)
            {
                using var export = await exporter.GetAsync("/api/v1/me/export");
                exports.Add(export.StatusCode);
            }

            await redis.StartAgainAsync();
            load.Phase = Phase.After;
            var recovered = await Eventually.HoldsAsync(
                async () => await ReadinessAsync(probe) == ("ok", "ok"),
                Wait
            );
            var counted = await Eventually.HoldsAsync(async () => await KeysAsync(redis) > 0, Wait);
            await load.WaitForMoreAsync(Phase.After, 30, Wait);
            await load.StopAsync();

            keysBefore.Should().BePositive("the limits were counted in Redis before the outage");
            degraded.Should().BeTrue("readiness should report the local fallback");
            exports
                .Should()
                .Equal(
                    Enumerable.Repeat(HttpStatusCode.OK, 10).Append(HttpStatusCode.TooManyRequests),
                    "the expensive limit is still enforced, locally"
                );
            recovered.Should().BeTrue("readiness should say ok once Redis is back");
            counted.Should().BeTrue("the limits should be counted in Redis again");
            load.Statuses.Should().NotContain(s => (int)s.Status >= 500);
            foreach (var phase in Enum.GetValues<Phase>())
            {
                load.Statuses.Should()
                    .Contain(
                        s => s.Phase == phase && s.Status == HttpStatusCode.OK,
                        $"served {phase}"
                    );
            }
        }
        finally
        {
            await load.StopAsync();
            exporter.Dispose();
            clients.ForEach(c => c.Dispose());
            users.ForEach(u => u.Dispose());
        }
    }

    private static async Task<(string? Status, string? Redis)> ReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (
            body.RootElement.GetProperty("status").GetString(),
            body.RootElement.GetProperty("redis").GetString()
        );
    }

    private static async Task<long> KeysAsync(RedisServer redis) =>
        (long)await redis.ExecuteAsync("DBSIZE");

    private enum Phase
    {
        Before,
        Outage,
        After,
    }

    /// <summary>
    /// Steady load: each user calls the API every 50 ms (one request at a time), until stopped.
    /// </summary>
    private sealed class Load
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<Task> _loops;
        private readonly ConcurrentQueue<(Phase Phase, HttpStatusCode Status)> _statuses = new();

        public Load(IEnumerable<HttpClient> clients) =>
            _loops = clients.Select(client => Task.Run(() => LoopAsync(client))).ToList();

        public Phase Phase { get; set; } = Phase.Before;

        public IReadOnlyCollection<(Phase Phase, HttpStatusCode Status)> Statuses => _statuses;

        public async Task WaitForMoreAsync(Phase phase, int count, TimeSpan timeout)
        {
            var target = _statuses.Count(s => s.Phase == phase) + count;
            (
                await Eventually.HoldsAsync(
                    () => Task.FromResult(_statuses.Count(s => s.Phase == phase) >= target),
                    timeout
                )
            )
                .Should()
                .BeTrue($"{count} more requests should be answered ({phase})");
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_loops);
        }

        private async Task LoopAsync(HttpClient client)
        {
            string[] paths = ["/api/v1/groups", "/api/v1/me"];
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            for (var i = 0; !_stop.IsCancellationRequested; i++)
            {
                var phase = Phase;
                try
                {
                    await pace.WaitForNextTickAsync(_stop.Token);
                    using var response = await client.GetAsync(
                        paths[i % paths.Length],
                        _stop.Token
                    );
                    _statuses.Enqueue((phase, response.StatusCode));
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
