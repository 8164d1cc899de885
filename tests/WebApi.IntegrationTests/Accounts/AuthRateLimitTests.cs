using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Accounts;

/// <summary>
/// Login, token, registration, reset and confirmation endpoints answer 429 with Retry-After once
/// the auth limit is spent, on a host whose limit is 3 (the shared test host lifts limits).
/// </summary>
public sealed class AuthRateLimitTests : HttpTest
{
    private const int Limit = 3;

    public static IEnumerable<TestCaseData> Endpoints()
    {
        yield return new TestCaseData("/account/login", "form").SetName(
            "Should_limit_the_login_post"
        );
        yield return new TestCaseData("/connect/token", "form").SetName(
            "Should_limit_the_token_endpoint_even_for_requests_openiddict_refuses"
        );
        yield return new TestCaseData("/api/v1/auth/register", "json").SetName(
            "Should_limit_registration"
        );
        yield return new TestCaseData("/api/v1/auth/password-resets", "json").SetName(
            "Should_limit_password_reset_requests"
        );
        yield return new TestCaseData("/api/v1/auth/password-resets/confirm", "json").SetName(
            "Should_limit_password_resets"
        );
        yield return new TestCaseData("/api/v1/auth/email-confirmations", "json").SetName(
            "Should_limit_email_confirmation_requests"
        );
        yield return new TestCaseData("/api/v1/auth/email-confirmations/confirm", "json").SetName(
            "Should_limit_email_confirmations"
        );
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task Should_answer_429_with_retry_after_once_the_auth_limit_is_spent(
        string path,
        string kind
    )
    {
        await using var host = LowLimitHost();
        using var client = ApiUsers.AnonymousClient(host);
        var email = Pii.Email();

        for (var attempt = 0; attempt < Limit; attempt++)
        {
            using var allowed = await client.PostAsync(path, Body(kind, email));
            allowed.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
        }

        using var limited = await client.PostAsync(path, Body(kind, email));

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.Should().NotBeNull();
    }

    [Test]
    public async Task Should_ignore_forwarded_addresses_when_no_proxy_is_configured()
    {
        // With no known proxy the framework would trust every sender of X-Forwarded-For.
        await using var host = LowLimitHost();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt <= Limit; attempt++)
        {
            using var client = ApiUsers.AnonymousClient(host);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{attempt + 1}");
            using var response = await client.PostAsync(
                "/connect/token",
                Body("form", Pii.Email())
            );
            statuses.Add(response.StatusCode);
        }

        statuses[Limit].Should().Be(HttpStatusCode.TooManyRequests);
    }

    private static HttpContent Body(string kind, string email) =>
        kind == "form"
            ? new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["grant_type"] = "refresh_token",
                    ["client_id"] = TestOAuthClient.ClientId,
                    ["refresh_token"] = "not-a-refresh-token",
                    ["email"] = email,
                    ["password"] = Pii.Password(),
                }
            )
            : JsonContent.Create(
                new
                {
                    email,
                    password = Pii.Password(),
                    displayName = Pii.Name(),
                    userId = Guid.NewGuid(),
                    token = "not-a-token",
                    newPassword = Pii.Password(),
                }
            );

    private static ExtraApiHost LowLimitHost() =>
        new(
            "Testing",
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Ledger"] = ApiHost.Database.ConnectionString,
                ["ConnectionStrings:Redis"] = TestEnvironment.RedisConnectionString,
                // Fresh counters in the shared Redis for every host.
                ["RateLimiting:KeyPrefix"] = $"test-{Guid.NewGuid():N}",
                ["RateLimiting:Policies:auth:PermitLimit"] = Limit.ToString(
                    System.Globalization.CultureInfo.InvariantCulture
                ),
                ["Auth:WebClient:ClientId"] = TestOAuthClient.ClientId,
                ["Auth:WebClient:RedirectUris:0"] = TestOAuthClient.RedirectUri,
                // The client is registered in the shared database: as the shared host has it.
                ["Auth:WebClient:PostLogoutRedirectUris:0"] = TestOAuthClient.PostLogoutRedirectUri,
            }
        );
}
