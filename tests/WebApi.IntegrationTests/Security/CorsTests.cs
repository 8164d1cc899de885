using System.Net;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Security;

/// <summary>
/// CORS answers only configured origins, and never allows credentials unless configuration says
/// so (audit 003 #11, #16). Through the real pipeline, with a preflight as a browser sends it.
/// </summary>
public sealed class CorsTests
{
    private const string Frontend = "https://app.ledger.test";

    [Test]
    public async Task Should_answer_a_configured_origin_without_allowing_credentials()
    {
        await using var host = Host(allowCredentials: null);
        using var client = host.CreateClient();

        using var preflight = await PreflightAsync(client, Frontend);
        using var simple = await GetWithOriginAsync(client, Frontend);

        preflight.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(Frontend);
        preflight.Headers.Contains("Access-Control-Allow-Credentials").Should().BeFalse();
        simple.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(Frontend);
        simple.Headers.Contains("Access-Control-Allow-Credentials").Should().BeFalse();
    }

    [Test]
    public async Task Should_answer_an_unlisted_origin_without_any_cors_header()
    {
        await using var host = Host(allowCredentials: null);
        using var client = host.CreateClient();

        using var preflight = await PreflightAsync(client, "https://evil.example");
        using var simple = await GetWithOriginAsync(client, "https://evil.example");

        foreach (var response in new[] { preflight, simple })
        {
            response
                .Headers.Select(h => h.Key)
                .Should()
                .NotContain(name => name.StartsWith("Access-Control-", StringComparison.Ordinal));
        }
    }

    [Test]
    public async Task Should_allow_credentials_only_when_configured()
    {
        await using var host = Host(allowCredentials: "true");
        using var client = host.CreateClient();

        using var preflight = await PreflightAsync(client, Frontend);

        preflight.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(Frontend);
        preflight.Headers.GetValues("Access-Control-Allow-Credentials").Should().Equal("true");
    }

    private static ExtraApiHost Host(string? allowCredentials)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Ledger"] = ApiHost.Database.ConnectionString,
            ["ConnectionStrings:Redis"] = TestEnvironment.RedisConnectionString,
            ["Cors:Origins:0"] = Frontend,
        };
        if (allowCredentials is not null)
        {
            settings["Cors:AllowCredentials"] = allowCredentials;
        }

        return new ExtraApiHost("Testing", settings);
    }

    private static Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/groups");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> GetWithOriginAsync(HttpClient client, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("Origin", origin);
        return client.SendAsync(request);
    }
}
