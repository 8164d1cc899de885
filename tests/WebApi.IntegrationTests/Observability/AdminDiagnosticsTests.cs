using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Observability;

/// <summary>
/// Issue 19 point 5: what the public health endpoint leaves out, the admin diagnostics answers,
/// to platform admins only (the authorization matrix checks everyone else gets 404).
/// </summary>
public sealed class AdminDiagnosticsTests : HttpTest
{
    [Test]
    public async Task Should_show_an_admin_build_environment_dependencies_migrations_limiter_and_job_store()
    {
        var admin = await ApiPartners.SignUpAdminAsync();

        using var response = await admin.HttpClient.GetAsync("/api/v1/admin/diagnostics");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl?.NoStore.Should().BeTrue();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("version").GetString().Should().NotBeNullOrWhiteSpace();
        body.GetProperty("environment").GetString().Should().Be("Testing");
        body.GetProperty("startedAt").GetDateTimeOffset().Should().BeBefore(DateTimeOffset.UtcNow);
        Status(body, "database").Should().Be("ok");
        body.GetProperty("database").GetProperty("latencyMs").GetDouble().Should().BeGreaterThan(0);
        Status(body, "redis").Should().Be("ok");
        var migrations = body.GetProperty("migrations");
        migrations.GetProperty("status").GetString().Should().Be("up-to-date");
        migrations
            .GetProperty("latestApplied")
            .GetString()
            .Should()
            .Be(migrations.GetProperty("latestKnown").GetString());
        body.GetProperty("rateLimiter").GetProperty("mode").GetString().Should().Be("redis");
        Status(body, "jobStore").Should().Be("ok");
    }

    [Test]
    public async Task Should_answer_404_to_a_signed_in_user_who_is_not_an_admin()
    {
        var user = await ApiUsers.SignUpAsync();

        using var diagnostics = await user.HttpClient.GetAsync("/api/v1/admin/diagnostics");
        using var reload = await user.HttpClient.PostAsync("/api/v1/admin/config/reload", null);

        diagnostics.StatusCode.Should().Be(HttpStatusCode.NotFound);
        reload.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static string? Status(JsonElement body, string dependency) =>
        body.GetProperty(dependency).GetProperty("status").GetString();
}
