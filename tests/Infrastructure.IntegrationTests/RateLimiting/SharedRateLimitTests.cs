using System.Net;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;

namespace Ledger.Infrastructure.IntegrationTests.RateLimiting;

/// <summary>Limits shared through the real Redis of the run, through the real middleware.</summary>
public sealed class SharedRateLimitTests
{
    [TestCase("FixedWindow")]
    [TestCase("SlidingWindow")]
    [TestCase("TokenBucket")]
    public async Task Should_refuse_over_the_limit_with_429_Retry_After_and_a_problem(string kind)
    {
        var prefix = RedisKeys.UniquePrefix();
        await using var app = await RateLimitedApp.StartAsync(
            TestEnvironment.RedisConnectionString,
            prefix,
            RateLimitedApp.TestPolicyOfKind(kind)
        );
        using var client = app.Client();

        using var first = await client.GetAsync("/limited");
        using var second = await client.GetAsync("/limited");
        using var refused = await client.GetAsync("/limited");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var text = await refused.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(text);
        problem.RootElement.GetProperty("type").GetString().Should().StartWith("https://");
        problem.RootElement.GetProperty("title").GetString().Should().Be("Too many requests");
        problem.RootElement.GetProperty("status").GetInt32().Should().Be(429);
        problem.RootElement.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
        text.Should().NotContainAny("Redis", "redis", prefix, "127.0.0.1", "Exception");
        app.Status.IsDegraded.Should().BeFalse();
        (await RedisKeys.WithPrefixAsync(prefix)).Should().NotBeEmpty("the counter lives in Redis");
    }

    [Test]
    public async Task Should_share_one_counter_between_two_instances()
    {
        var prefix = RedisKeys.UniquePrefix();
        await using var instanceA = await RateLimitedApp.StartAsync(
            TestEnvironment.RedisConnectionString,
            prefix
        );
        await using var instanceB = await RateLimitedApp.StartAsync(
            TestEnvironment.RedisConnectionString,
            prefix
        );
        using var clientA = instanceA.Client();
        using var clientB = instanceB.Client();

        using var firstOnA = await clientA.GetAsync("/limited");
        using var secondOnA = await clientA.GetAsync("/limited");
        using var thirdOnB = await clientB.GetAsync("/limited");

        firstOnA.StatusCode.Should().Be(HttpStatusCode.OK);
        secondOnA.StatusCode.Should().Be(HttpStatusCode.OK);
        thirdOnB.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task Should_apply_the_default_policy_to_endpoints_naming_none_and_only_their_own_to_the_others()
    {
        await using var app = await RateLimitedApp.StartAsync(
            TestEnvironment.RedisConnectionString,
            RedisKeys.UniquePrefix(),
            new Dictionary<string, string?>
            {
                [$"RateLimiting:Policies:{RateLimitedApp.TestPolicy}:PermitLimit"] = "5",
            }
        );
        using var client = app.Client();

        var open = await StatusesAsync(client, "/open", 3);
        var limited = await StatusesAsync(client, "/limited", 3);
        var exempt = await StatusesAsync(client, "/exempt", 5);

        open.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        limited.Should().AllBeEquivalentTo(HttpStatusCode.OK, "the default does not count twice");
        exempt.Should().AllBeEquivalentTo(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_limit_expensive_operations_per_user_and_partners_per_client()
    {
        await using var app = await RateLimitedApp.StartAsync(
            TestEnvironment.RedisConnectionString,
            RedisKeys.UniquePrefix()
        );
        using var client = app.Client();

        var firstUser = await StatusesAsync(
            client,
            "/export",
            3,
            (RateLimitedApp.SubjectHeader, "user-1")
        );
        var secondUser = await StatusesAsync(
            client,
            "/export",
            1,
            (RateLimitedApp.SubjectHeader, "user-2")
        );
        var firstClient = await StatusesAsync(
            client,
            "/partner",
            3,
            (RateLimitedApp.ClientHeader, "client-1")
        );
        var secondClient = await StatusesAsync(
            client,
            "/partner",
            1,
            (RateLimitedApp.ClientHeader, "client-2")
        );

        firstUser
            .Should()
            .Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        secondUser.Should().Equal(HttpStatusCode.OK);
        firstClient
            .Should()
            .Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        secondClient.Should().Equal(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_limit_anonymous_callers_of_per_user_policies_by_address()
    {
        await using var app = await RateLimitedApp.StartAsync(
            TestEnvironment.RedisConnectionString,
            RedisKeys.UniquePrefix()
        );
        using var firstCaller = app.Client("127.0.0.3");
        using var secondCaller = app.Client("127.0.0.4");

        var first = await StatusesAsync(firstCaller, "/export", 3);
        var second = await StatusesAsync(secondCaller, "/export", 1);

        first.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        second.Should().Equal(HttpStatusCode.OK);
    }

    internal static async Task<List<HttpStatusCode>> StatusesAsync(
        HttpClient client,
        string path,
        int count,
        params (string Name, string Value)[] headers
    )
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            foreach (var (name, value) in headers)
            {
                request.Headers.Add(name, value);
            }

            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
