using System.Net;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Reliability;

/// <summary>
/// R6, the database half: while PostgreSQL is down, readiness says so and requests get a 503
/// problem (nothing internal in it); when it is back, the same running host serves again
/// without a restart. Stops and starts the run's real cluster.
/// </summary>
public sealed class PostgresOutageTests : HttpTest
{
    [Test]
    public async Task Should_tell_the_truth_while_the_database_is_down_and_recover_without_a_restart()
    {
        using var alice = await ApiUsers.SignUpAsync();
        using var probe = ApiHost.Factory.CreateClient();
        (await StatusOfGroupsAsync(alice)).Should().Be(HttpStatusCode.OK);

        await PostgresOutage.StopAsync();
        try
        {
            using var readiness = await probe.GetAsync("/health/ready");
            readiness.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            using (var body = JsonDocument.Parse(await readiness.Content.ReadAsStringAsync()))
            {
                body.RootElement.GetProperty("database").GetString().Should().Be("unavailable");
            }

            using var refused = await alice.HttpClient.GetAsync("/api/v1/groups");
            var text = await refused.Content.ReadAsStringAsync();
            refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, text);
            refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            refused.Headers.RetryAfter.Should().NotBeNull();
            text.Should().NotContainAny("Npgsql", "Exception", "127.0.0.1", "at Ledger");
        }
        finally
        {
            await PostgresOutage.StartAsync();
        }

        await EventuallyAnswers.StatusAsync(() => StatusOfGroupsAsync(alice), HttpStatusCode.OK);
        using var ready = await probe.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<HttpStatusCode> StatusOfGroupsAsync(ApiUser user)
    {
        using var response = await user.HttpClient.GetAsync("/api/v1/groups");
        return response.StatusCode;
    }
}

/// <summary>Waits on a condition, never on the clock alone.</summary>
internal static class EventuallyAnswers
{
    public static async Task StatusAsync(
        Func<Task<HttpStatusCode>> read,
        HttpStatusCode expected,
        int timeoutSeconds = 60
    )
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        var last = await read();
        while (last != expected && !deadline.IsCancellationRequested)
        {
            await Task.Delay(250, CancellationToken.None);
            last = await read();
        }

        last.Should().Be(expected, $"the host should serve again within {timeoutSeconds} s");
    }
}
