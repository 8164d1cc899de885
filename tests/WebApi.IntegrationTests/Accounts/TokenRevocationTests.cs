using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Accounts;

/// <summary>
/// Tokens die with the session behind them, at once rather than at expiry: after a password
/// change or a lockout, and for a whole family when a spent refresh token is replayed.
/// </summary>
public sealed class TokenRevocationTests : HttpTest
{
    [Test]
    public async Task Should_end_access_and_refresh_tokens_when_the_password_changes()
    {
        using var user = await ApiUsers.SignUpAsync();
        using var otherSession = await ApiUsers.SignInAsync(user.Email, user.Password);
        var newPassword = Pii.Password();

        using var changed = await user.HttpClient.PostAsJsonAsync(
            "/api/v1/me/password",
            new { currentPassword = user.Password, newPassword }
        );

        changed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await AccessShouldFailAsync(user.HttpClient);
        await AccessShouldFailAsync(otherSession.HttpClient);
        await RefreshShouldFailAsync(user.Tokens.RefreshToken!);
        using var again = await ApiUsers.SignInAsync(user.Email, newPassword);
        (await again.HttpClient.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_refuse_a_wrong_current_password_with_400_and_keep_the_tokens()
    {
        using var user = await ApiUsers.SignUpAsync();

        using var refused = await user.HttpClient.PostAsJsonAsync(
            "/api/v1/me/password",
            new { currentPassword = Pii.Password(), newPassword = Pii.Password() }
        );

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await user.HttpClient.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_end_the_tokens_of_a_locked_out_user()
    {
        using var user = await ApiUsers.SignUpAsync();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var browser = new Browser();
            var form = await browser.OpenLoginPageAsync("/account/login");
            using var failed = await browser.SubmitLoginAsync(form, user.Email, Pii.Password());
        }

        await AccessShouldFailAsync(user.HttpClient);
        await RefreshShouldFailAsync(user.Tokens.RefreshToken!);
    }

    [Test]
    public async Task Should_revoke_the_whole_family_when_a_spent_refresh_token_is_reused()
    {
        using var user = await ApiUsers.SignUpAsync();
        using var client = ApiUsers.AnonymousClient();
        var spent = user.Tokens.RefreshToken!;
        var newest = await AuthorizationCodeFlow.RefreshAsync(client, spent);
        using var newestClient = ApiUsers.ClientWith(newest.AccessToken);
        (await newestClient.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        await RefreshShouldFailAsync(spent);

        await RefreshShouldFailAsync(newest.RefreshToken!);
        await AccessShouldFailAsync(newestClient);
        await AccessShouldFailAsync(user.HttpClient);
    }

    [Test]
    public async Task Should_keep_working_after_an_ordinary_refresh()
    {
        using var user = await ApiUsers.SignUpAsync();
        using var client = ApiUsers.AnonymousClient();

        var refreshed = await AuthorizationCodeFlow.RefreshAsync(client, user.Tokens.RefreshToken!);
        var again = await AuthorizationCodeFlow.RefreshAsync(client, refreshed.RefreshToken!);

        using var api = ApiUsers.ClientWith(again.AccessToken);
        (await api.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    internal static async Task AccessShouldFailAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/me");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    internal static async Task RefreshShouldFailAsync(string refreshToken)
    {
        using var client = ApiUsers.AnonymousClient();
        var refused = await FluentActions
            .Awaiting(() => AuthorizationCodeFlow.RefreshAsync(client, refreshToken))
            .Should()
            .ThrowAsync<TokenRequestFailedException>();
        refused.Which.Error.Should().Be("invalid_grant");
    }
}
