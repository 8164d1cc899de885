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

        using var response = await client.GetAsync("/health/ready");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(text);
        body.RootElement.GetProperty("status").GetString().Should().Be("ok");
        body.RootElement.GetProperty("database").GetString().Should().Be("ok");
        body.RootElement.GetProperty("redis").GetString().Should().Be("ok");
        text.Should()
            .NotContainAny("Testing", "Development", "Production", "10.0", "PostgreSQL 15");
    }
}
