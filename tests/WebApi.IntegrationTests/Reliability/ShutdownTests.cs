using System.Net;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using Npgsql;

namespace Ledger.WebApi.IntegrationTests.Reliability;

/// <summary>
/// Audit 003 #18: on shutdown the host closes what it opened. After the host served requests
/// that used the database and Redis, disposing it leaves no connection of its own in
/// PostgreSQL (the data source and its pool are disposed, not left to the process' exit) and
/// no client of its own in Redis (the multiplexer is disposed).
/// </summary>
public sealed class ShutdownTests : HttpTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Test]
    public async Task Should_close_the_database_pool_and_the_redis_connection_on_shutdown()
    {
        using var alice = await ApiUsers.SignUpAsync();
        await using var redis = await RedisServer.StartAsync();
        var applicationName = $"ledger-shutdown-{Guid.NewGuid():N}"[..30];
        var host = ExtraApiHost.WithShippedLimits(redis.ConnectionString, applicationName);
        try
        {
            using var client = ApiUsers.ClientWith(alice.Tokens.AccessToken, host);
            // Authenticated and rate limited: the database (tokens, groups) and Redis (limits).
            using (var groups = await client.GetAsync("/api/v1/groups"))
            {
                groups.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            using (var ready = await client.GetAsync("/health/ready"))
            {
                ready.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            (await DatabaseConnectionsAsync(applicationName)).Should().BePositive();
            (await RedisClientsAsync(redis)).Should().BePositive();
        }
        finally
        {
            await host.DisposeAsync();
        }

        (
            await Eventually.HoldsAsync(
                async () => await DatabaseConnectionsAsync(applicationName) == 0,
                Wait
            )
        )
            .Should()
            .BeTrue("the host's data source closes its connections when it is disposed");
        (await Eventually.HoldsAsync(async () => await RedisClientsAsync(redis) == 0, Wait))
            .Should()
            .BeTrue("the host's Redis multiplexer is disposed");
    }

    private static async Task<long> DatabaseConnectionsAsync(string applicationName)
    {
        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = @name",
            connection
        );
        count.Parameters.AddWithValue("name", applicationName);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Clients of the server other than the test's own admin connection.</summary>
    private static async Task<int> RedisClientsAsync(RedisServer redis)
    {
        var list = (string)(await redis.ExecuteAsync("CLIENT", "LIST"))!;
        return list.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Count(line =>
                !line.Contains($"name={RedisServer.AdminClientName}", StringComparison.Ordinal)
            );
    }
}
