using System.Net;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Partners;

/// <summary>
/// Partner calls are limited by the partner policy, per client, on every endpoint they reach:
/// one client using up its limit leaves another client's untouched. Against the real Redis.
/// </summary>
public sealed class PartnerRateLimitTests : HttpTest
{
    [Test]
    public async Task Should_limit_each_partner_client_separately()
    {
        await using var host = new ExtraApiHost(
            "Testing",
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Ledger"] = ApiHost.Database.ConnectionString,
                ["ConnectionStrings:Redis"] = TestEnvironment.RedisConnectionString,
                ["Auth:WebClient:ClientId"] = TestOAuthClient.ClientId,
                ["Auth:WebClient:RedirectUris:0"] = TestOAuthClient.RedirectUri,
                ["Admin:UserIds:0"] = ApiPartners.AdminUserId.ToString(),
                // Counters of this host only, whatever earlier runs left in Redis.
                ["RateLimiting:KeyPrefix"] = $"partner-test-{Guid.NewGuid():N}",
                ["RateLimiting:Policies:partner:Kind"] = "FixedWindow",
                ["RateLimiting:Policies:partner:PermitLimit"] = "2",
                ["RateLimiting:Policies:partner:Window"] = "01:00:00",
            }
        );
        using var admin = await ApiPartners.SignUpAdminAsync(host);
        var first = await ApiPartners.CreateClientAsync(admin, "ledger.read");
        var second = await ApiPartners.CreateClientAsync(admin, "ledger.read");
        using var firstPartner = await ApiPartners.HttpClientAsync(first, host: host);
        using var secondPartner = await ApiPartners.HttpClientAsync(second, host: host);
        var path = $"/api/v1/groups/{Guid.NewGuid()}";

        var firstAnswers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await firstPartner.GetAsync(path);
            firstAnswers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter.Should().NotBeNull();
            }
        }

        using var secondAnswer = await secondPartner.GetAsync(path);
        using var adminAnswer = await admin.HttpClient.GetAsync(path);

        firstAnswers
            .Should()
            .Equal(
                HttpStatusCode.NotFound,
                HttpStatusCode.NotFound,
                HttpStatusCode.TooManyRequests
            );
        secondAnswer.StatusCode.Should().Be(HttpStatusCode.NotFound);
        // Users are not partners: the default policy still counts them.
        adminAnswer.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
