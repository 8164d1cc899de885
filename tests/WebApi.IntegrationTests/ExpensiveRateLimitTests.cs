using System.Net;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests;

/// <summary>
/// The <c>expensive</c> limit on the real endpoints that carry it, at its shipped value (10 per
/// user per 10 minutes): the account export and the ops API's "run now". The 11th call of a
/// user is refused with a 429 problem; another endpoint of the same user is not affected.
/// </summary>
public sealed class ExpensiveRateLimitTests : HttpTest
{
    private const int ShippedLimit = 10;

    [Test]
    public async Task Should_refuse_the_eleventh_export_and_job_trigger_of_a_user()
    {
        using var alice = await ApiUsers.SignUpAsync();
        using var admin = await ApiUsers.SignUpAsync();
        await using var host = ExtraApiHost.WithShippedLimits(
            TestEnvironment.RedisConnectionString,
            settings: new Dictionary<string, string?>
            {
                ["Admin:UserIds:0"] = admin.UserId.Value.ToString(),
            }
        );
        using var aliceClient = ApiUsers.ClientWith(alice.Tokens.AccessToken, host);
        using var adminClient = ApiUsers.ClientWith(admin.Tokens.AccessToken, host);

        var exports = new List<HttpStatusCode>();
        var triggers = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i <= ShippedLimit; i++)
        {
            var export = await aliceClient.GetAsync("/api/v1/me/export");
            exports.Add(export.StatusCode);
            if (i < ShippedLimit)
            {
                export.Dispose();
            }
            else
            {
                refused = export;
            }

            // An unknown job: the limit is decided before the endpoint, so 404s count too.
            using var trigger = await adminClient.PostAsync(
                "/api/v1/ops/jobs/no-such-job/trigger",
                null
            );
            triggers.Add(trigger.StatusCode);
        }

        using var me = await aliceClient.GetAsync("/api/v1/me");

        exports
            .Should()
            .Equal(
                Enumerable
                    .Repeat(HttpStatusCode.OK, ShippedLimit)
                    .Append(HttpStatusCode.TooManyRequests)
            );
        triggers
            .Should()
            .Equal(
                Enumerable
                    .Repeat(HttpStatusCode.NotFound, ShippedLimit)
                    .Append(HttpStatusCode.TooManyRequests)
            );
        using (refused)
        {
            refused!.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            refused.Headers.RetryAfter.Should().NotBeNull();
        }

        me.StatusCode.Should().Be(HttpStatusCode.OK, "the default limit is a separate one");
    }
}
