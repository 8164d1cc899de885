using System.Net;
using System.Text.Json;
using AwesomeAssertions;

namespace Ledger.WebApi.IntegrationTests;

/// <summary>Audit 003 #15: public probes reveal nothing but whether the service works.</summary>
public sealed class HealthTests : HttpTest
{
    [Test]
    public async Task Should_answer_health_with_status_ok_and_nothing_else()
    {
        using var client = ApiHost.Factory.CreateClient();

        using var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("status");
        body.RootElement.GetProperty("status").GetString().Should().Be("ok");
    }

    [Test]
    public async Task Should_report_ready_when_postgres_and_redis_answer_without_revealing_versions()
    {
        using var client = ApiHost.Factory.CreateClient();

        // Readiness tells the truth: a slow Redis earlier in the run may have switched the limiter
        // to local limits; a limited request lets it return to Redis, then readiness says ok.
        var (response, text) = await ReadinessAsync(client);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (
            !text.Contains("\"status\":\"ok\"", StringComparison.Ordinal)
            && !deadline.IsCancellationRequested
        )
        {
            response.Dispose();
            using (await client.GetAsync("/api/v1/no-such-route", CancellationToken.None)) { }
            await Task.Delay(200, CancellationToken.None);
            (response, text) = await ReadinessAsync(client);
        }

        using var _ = response;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(text);
        body.RootElement.GetProperty("status").GetString().Should().Be("ok");
        body.RootElement.GetProperty("database").GetString().Should().Be("ok");
        body.RootElement.GetProperty("redis").GetString().Should().Be("ok");
        text.Should()
            .NotContainAny("Testing", "Development", "Production", "10.0", "PostgreSQL 15");
    }

    private static async Task<(HttpResponseMessage Response, string Text)> ReadinessAsync(
        HttpClient client
    )
    {
        var response = await client.GetAsync("/health/ready");
        return (response, await response.Content.ReadAsStringAsync());
    }
}
