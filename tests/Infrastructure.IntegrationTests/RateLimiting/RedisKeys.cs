using Ledger.TestSupport;
using StackExchange.Redis;

namespace Ledger.Infrastructure.IntegrationTests.RateLimiting;

/// <summary>Reads what the limiters keep in the shared Redis of the run.</summary>
public static class RedisKeys
{
    public static string UniquePrefix() => $"test-{Guid.NewGuid():N}";

    public static async Task<IReadOnlyList<string>> WithPrefixAsync(string prefix)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(
            TestEnvironment.RedisConnectionString
        );
        var server = redis.GetServers().Single();
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: $"*{prefix}*"))
        {
            keys.Add(key.ToString());
        }

        return keys;
    }
}
