using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.WebUtilities;
using MimeKit;

namespace Ledger.WebApi.IntegrationTests.Accounts;

/// <summary>
/// Email confirmation and password reset through a real SMTP server on loopback: the message
/// that arrives carries a single-use link, and the answers never tell whether an address has
/// an account.
/// </summary>
public sealed class AccountEmailTests : HttpTest
{
    private const string LinkBase = "https://app.ledger.test";

    [Test]
    public async Task Should_reset_the_password_once_with_the_mailed_link_and_end_old_tokens()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var host = HostSendingTo(smtp);
        using var user = await ApiUsers.SignUpAsync(host);
        using var client = ApiUsers.AnonymousClient(host);

        using var requested = await client.PostAsJsonAsync(
            "/api/v1/auth/password-resets",
            new { email = user.Email }
        );

        requested.StatusCode.Should().Be(HttpStatusCode.Accepted);
        smtp.Received().Should().BeEmpty("the request queues the mail and never talks SMTP");
        (await QueuedEmails.SendDueAsync(host.Services)).Sent.Should().BeGreaterThanOrEqualTo(1);
        var link = LinkIn(await smtp.MessageToAsync(user.Email), "/reset-password");
        link["userId"].Should().Be(user.UserId.Value.ToString());
        var stored = await AccountRows.JsonAsync(
            "SELECT kind, protected_token, sent_at FROM outgoing_emails WHERE user_id = @id",
            user.UserId.Value
        );
        stored.Should().ContainSingle().Which.Should().Contain("PasswordReset");
        stored[0].Should().NotContain(link["token"], "the token is encrypted at rest");
        stored[0].Should().NotContain("\"sent_at\":null", "the worker marked it sent");
        (await QueuedEmails.SendDueAsync(host.Services)).Sent.Should().Be(0, "it is sent once");
        var newPassword = Pii.Password();
        var reset = new
        {
            userId = user.UserId.Value,
            token = link["token"],
            newPassword,
        };
        using var done = await client.PostAsJsonAsync(
            "/api/v1/auth/password-resets/confirm",
            reset
        );
        done.StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var again = await client.PostAsJsonAsync(
            "/api/v1/auth/password-resets/confirm",
            reset with
            {
                newPassword = Pii.Password(),
            }
        );
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a reset link works once");
        (await user.HttpClient.GetAsync("/api/v1/me"))
            .StatusCode.Should()
            .Be(HttpStatusCode.Unauthorized);
        using var signedIn = await ApiUsers.SignInAsync(user.Email, newPassword, host);
        (await signedIn.HttpClient.GetAsync("/api/v1/me"))
            .StatusCode.Should()
            .Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_mail_the_owner_of_an_address_that_registers_again_and_answer_as_for_a_new_one()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var host = HostSendingTo(smtp);
        using var user = await ApiUsers.SignUpAsync(host);
        using var client = ApiUsers.AnonymousClient(host);

        using var again = await client.PostAsJsonAsync(
            "/api/v1/auth/register",
            new
            {
                email = user.Email,
                password = Pii.Password(),
                displayName = Pii.Name(),
            }
        );

        again.StatusCode.Should().Be(HttpStatusCode.Created);
        await QueuedEmails.SendDueAsync(host.Services);
        var message = await smtp.MessageToAsync(user.Email);
        message.TextBody.Should().Contain("already has one");
        LinkIn(message, "/reset-password")["userId"].Should().Be(user.UserId.Value.ToString());
    }

    [Test]
    public async Task Should_confirm_the_email_once_with_the_mailed_link()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var host = HostSendingTo(smtp);
        using var user = await ApiUsers.SignUpAsync(host);
        using var client = ApiUsers.AnonymousClient(host);

        using var requested = await client.PostAsJsonAsync(
            "/api/v1/auth/email-confirmations",
            new { email = user.Email }
        );

        requested.StatusCode.Should().Be(HttpStatusCode.Accepted);
        await QueuedEmails.SendDueAsync(host.Services);
        var link = LinkIn(await smtp.MessageToAsync(user.Email), "/confirm-email");
        var confirmation = new { userId = user.UserId.Value, token = link["token"] };
        using var confirmed = await client.PostAsJsonAsync(
            "/api/v1/auth/email-confirmations/confirm",
            confirmation
        );
        confirmed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var again = await client.PostAsJsonAsync(
            "/api/v1/auth/email-confirmations/confirm",
            confirmation
        );
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var rows = await AccountRows.JsonAsync(
            "SELECT email_confirmed FROM asp_net_users WHERE id = @id",
            user.UserId.Value
        );
        rows.Should().ContainSingle().Which.Should().Contain("true");
    }

    [Test]
    public async Task Should_answer_known_and_unknown_addresses_alike_and_mail_only_the_known()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var host = HostSendingTo(smtp);
        using var user = await ApiUsers.SignUpAsync(host);
        using var client = ApiUsers.AnonymousClient(host);
        var unknown = Pii.Email();

        foreach (
            var path in new[] { "/api/v1/auth/password-resets", "/api/v1/auth/email-confirmations" }
        )
        {
            using var forUnknown = await client.PostAsJsonAsync(path, new { email = unknown });
            using var forKnown = await client.PostAsJsonAsync(path, new { email = user.Email });

            forUnknown.StatusCode.Should().Be(HttpStatusCode.Accepted);
            forKnown.StatusCode.Should().Be(forUnknown.StatusCode);
            (await forKnown.Content.ReadAsStringAsync())
                .Should()
                .Be(await forUnknown.Content.ReadAsStringAsync());
        }

        await QueuedEmails.SendDueAsync(host.Services);
        await smtp.MessageToAsync(user.Email);
        smtp.Received()
            .SelectMany(m => m.To.Mailboxes)
            .Should()
            .NotContain(m => m.Address == unknown);
    }

    [Test]
    public async Task Should_refuse_a_forged_reset_token_with_400()
    {
        using var user = await ApiUsers.SignUpAsync();
        using var client = ApiUsers.AnonymousClient();

        using var response = await client.PostAsJsonAsync(
            "/api/v1/auth/password-resets/confirm",
            new
            {
                userId = user.UserId.Value,
                token = "forged",
                newPassword = Pii.Password(),
            }
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await user.HttpClient.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static Dictionary<string, string> LinkIn(MimeMessage message, string page)
    {
        var text = message.TextBody ?? string.Empty;
        var start = text.IndexOf(LinkBase + page + "?", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "the message carries the link");
        var end = text.IndexOfAny([' ', '\n', '\r'], start);
        var link = new Uri(end < 0 ? text[start..] : text[start..end]);
        return QueryHelpers
            .ParseQuery(link.Query)
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    private static ExtraApiHost HostSendingTo(SmtpSink smtp) =>
        new(
            "Testing",
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Ledger"] = ApiHost.Database.ConnectionString,
                ["ConnectionStrings:Redis"] = TestEnvironment.RedisConnectionString,
                ["RateLimiting:Policies:auth:PermitLimit"] = "1000000",
                ["Auth:WebClient:ClientId"] = TestOAuthClient.ClientId,
                ["Auth:WebClient:RedirectUris:0"] = TestOAuthClient.RedirectUri,
                // The client is registered in the shared database: as the shared host has it.
                ["Auth:WebClient:PostLogoutRedirectUris:0"] = TestOAuthClient.PostLogoutRedirectUri,
                ["Email:Smtp:Host"] = "127.0.0.1",
                ["Email:Smtp:Port"] = smtp.Port.ToString(
                    System.Globalization.CultureInfo.InvariantCulture
                ),
                ["Email:Smtp:From"] = "Ledger <no-reply@ledger.test>",
                ["Email:Smtp:Security"] = "None",
                ["Email:LinkBaseUrl"] = LinkBase,
            }
        );
}
