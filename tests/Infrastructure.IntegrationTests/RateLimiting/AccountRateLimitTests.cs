using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Ledger.TestSupport;

namespace Ledger.Infrastructure.IntegrationTests.RateLimiting;

/// <summary>
/// The auth policy limits per address and per account at once (limit 3 in these tests), the
/// account read from the request and kept only as a hash.
/// </summary>
public sealed class AccountRateLimitTests
{
    [Test]
    public async Task Should_limit_each_account_across_addresses_and_each_address_across_accounts()
    {
        await using var app = await RateLimitedApp.StartAsync(
            TestEnvironment.RedisConnectionString,
            RedisKeys.UniquePrefix()
        );
        using var firstAddress = app.Client("127.0.0.5");
        using var secondAddress = app.Client("127.0.0.6");
        var firstAccount = Pii.Email();
        var secondAccount = Pii.Email();

        var untilTheLimit = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            untilTheLimit.Add(await LoginAsync(firstAddress, firstAccount));
        }

        var sameAccountElsewhere = await LoginAsync(secondAddress, firstAccount);
        var otherAccountSameAddress = await LoginAsync(firstAddress, secondAccount);
        var otherAccountElsewhere = await LoginAsync(secondAddress, secondAccount);

        untilTheLimit.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        sameAccountElsewhere.Should().Be(HttpStatusCode.TooManyRequests, "credential stuffing");
        otherAccountSameAddress.Should().Be(HttpStatusCode.TooManyRequests, "password spraying");
        otherAccountElsewhere.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_read_the_account_from_a_form_and_treat_its_case_as_the_same_account()
    {
        await using var app = await RateLimitedApp.StartAsync(
            TestEnvironment.RedisConnectionString,
            RedisKeys.UniquePrefix()
        );
        var account = Pii.Email();
        var statuses = new List<HttpStatusCode>();

        foreach (
            var (address, spelling) in new[]
            {
                ("127.0.0.7", account),
                ("127.0.0.8", account.ToUpperInvariant()),
                ("127.0.0.9", $" {account} "),
                ("127.0.0.10", account),
            }
        )
        {
            using var client = app.Client(address);
            using var response = await client.PostAsync(
                "/login-form",
                new FormUrlEncodedContent([new("email", spelling)])
            );
            statuses.Add(response.StatusCode);
        }

        statuses
            .Should()
            .Equal(
                HttpStatusCode.OK,
                HttpStatusCode.OK,
                HttpStatusCode.OK,
                HttpStatusCode.TooManyRequests
            );
    }

    [Test]
    public async Task Should_read_the_account_from_the_query()
    {
        await using var app = await RateLimitedApp.StartAsync(
            TestEnvironment.RedisConnectionString,
            RedisKeys.UniquePrefix()
        );
        var userId = Guid.NewGuid();
        var statuses = new List<HttpStatusCode>();

        foreach (var address in new[] { "127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.14" })
        {
            using var client = app.Client(address);
            using var response = await client.GetAsync($"/confirm?userId={userId}");
            statuses.Add(response.StatusCode);
        }

        statuses[..3].Should().AllBeEquivalentTo(HttpStatusCode.OK);
        statuses[3].Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task Should_leave_the_body_to_the_endpoint_and_store_no_email_in_Redis()
    {
        var prefix = RedisKeys.UniquePrefix();
        await using var app = await RateLimitedApp.StartAsync(
            TestEnvironment.RedisConnectionString,
            prefix
        );
        using var client = app.Client();
        var account = Pii.Email();

        using var response = await client.PostAsJsonAsync(
            "/login",
            new LoginRequest(account, Pii.Password())
        );

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<LoginAnswer>())!.Received.Should().BeTrue();
        var keys = await RedisKeys.WithPrefixAsync(prefix);
        keys.Should().Contain(key => key.Contains(":auth:account:", StringComparison.Ordinal));
        keys.Should()
            .NotContain(key =>
                key.Contains(Pii.EmailDomain, StringComparison.OrdinalIgnoreCase)
                || key.Contains(account.Split('@')[0], StringComparison.OrdinalIgnoreCase)
            );
    }

    [Test]
    public async Task Should_put_bodies_too_big_to_inspect_in_one_shared_bucket()
    {
        await using var app = await RateLimitedApp.StartAsync(
            TestEnvironment.RedisConnectionString,
            RedisKeys.UniquePrefix()
        );
        var statuses = new List<HttpStatusCode>();

        foreach (var address in new[] { "127.0.0.15", "127.0.0.16", "127.0.0.17", "127.0.0.18" })
        {
            using var client = app.Client(address);
            var padded = new LoginRequest(Pii.Email(), Pii.Text(new string('x', 20_000)));
            using var response = await client.PostAsJsonAsync("/login", padded);
            statuses.Add(response.StatusCode);
        }

        statuses[..3].Should().AllBeEquivalentTo(HttpStatusCode.OK);
        statuses[3]
            .Should()
            .Be(HttpStatusCode.TooManyRequests, "padding must not escape the limit");
    }

    private static async Task<HttpStatusCode> LoginAsync(HttpClient client, string email)
    {
        using var response = await client.PostAsJsonAsync(
            "/login",
            new LoginRequest(email, Pii.Password())
        );
        return response.StatusCode;
    }
}
