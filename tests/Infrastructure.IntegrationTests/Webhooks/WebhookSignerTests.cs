using AwesomeAssertions;
using Ledger.Domain.Common;
using Ledger.Domain.Integrations;
using Ledger.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace Ledger.Infrastructure.IntegrationTests.Webhooks;

/// <summary>
/// Our signatures are checked by the <c>StandardWebhooks</c> package, an implementation of the
/// specification nobody here wrote, with a secret as subscriptions issue it.
/// </summary>
public sealed class WebhookSignerTests
{
    private const string Body = """{"id":"e1","type":"expense.created","version":1}""";

    [Test]
    public void Should_sign_so_that_a_standard_webhooks_receiver_accepts_it()
    {
        var secret = NewSecret();

        var headers = Sign([secret], DateTimeOffset.UtcNow, Body);

        var verify = () => new StandardWebhook(secret).Verify(Body, headers);
        verify.Should().NotThrow();
    }

    [Test]
    public void Should_be_refused_for_a_changed_body_another_secret_or_an_old_timestamp()
    {
        var secret = NewSecret();
        var headers = Sign([secret], DateTimeOffset.UtcNow, Body);
        var stale = Sign([secret], DateTimeOffset.UtcNow.AddHours(-1), Body);

        ((Action)(() => new StandardWebhook(secret).Verify(Body + " ", headers)))
            .Should()
            .Throw<Exception>();
        ((Action)(() => new StandardWebhook(NewSecret()).Verify(Body, headers)))
            .Should()
            .Throw<Exception>();
        ((Action)(() => new StandardWebhook(secret).Verify(Body, stale)))
            .Should()
            .Throw<Exception>();
    }

    [Test]
    public void Should_verify_with_the_package_against_each_secret_during_a_rotation()
    {
        var (current, previous) = (NewSecret(), NewSecret());

        var headers = Sign([current, previous], DateTimeOffset.UtcNow, Body);

        foreach (var secret in new[] { current, previous })
        {
            var verify = () => new StandardWebhook(secret).Verify(Body, headers);
            verify.Should().NotThrow("a receiver on either secret accepts the event");
        }

        ((Action)(() => new StandardWebhook(NewSecret()).Verify(Body, headers)))
            .Should()
            .Throw<Exception>("a third secret matches none of the signatures");
        headers[WebhookSigner.SignatureHeader]
            .ToString()
            .Split(' ')
            .Should()
            .HaveCount(3)
            .And.OnlyContain(s => s.StartsWith("v1,", StringComparison.Ordinal));
    }

    /// <summary>
    /// Why the current signature is repeated at the end (WebhookSigner): the package never
    /// compares the last entry of a list. If this starts failing, the package was fixed and the
    /// repetition can go.
    /// </summary>
    [Test]
    public void Should_need_the_repetition_because_the_package_skips_the_last_signature()
    {
        var (current, previous) = (NewSecret(), NewSecret());
        var headers = Sign([current, previous], DateTimeOffset.UtcNow, Body);
        var signatures = headers[WebhookSigner.SignatureHeader].ToString().Split(' ');
        headers[WebhookSigner.SignatureHeader] = $"{signatures[0]} {signatures[1]}";

        ((Action)(() => new StandardWebhook(previous).Verify(Body, headers)))
            .Should()
            .Throw<Exception>();
    }

    private static string NewSecret() =>
        WebhookSubscription
            .Create(
                GroupId.From(Guid.NewGuid()),
                new Uri("https://example.com/"),
                Actor.Client("c"),
                DateTimeOffset.UtcNow
            )
            .Secret;

    private static HeaderDictionary Sign(string[] secrets, DateTimeOffset at, string body)
    {
        var headers = new HeaderDictionary();
        foreach (
            var (name, value) in WebhookSigner.Headers(
                secrets,
                "msg_" + Guid.NewGuid().ToString("N"),
                at,
                body
            )
        )
        {
            headers[name] = value;
        }

        return headers;
    }
}
