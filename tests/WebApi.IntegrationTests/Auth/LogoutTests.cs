using System.Net;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Auth;

/// <summary>
/// RP-initiated logout (/connect/logout): a request without the user's id_token_hint, e.g. a
/// cross-site link, ends nothing and only asks; the hint, or the confirmation form with its
/// anti-forgery token, ends the session, and the hint's authorization is revoked.
/// </summary>
public sealed class LogoutTests : HttpTest
{
    [Test]
    public async Task Should_end_nothing_on_a_get_without_an_id_token_hint()
    {
        var (browser, tokens) = await SignedInBrowserAsync();
        using (browser)
        {
            using var crossSite = await browser.GetAsync(LogoutUrl());

            crossSite.StatusCode.Should().Be(HttpStatusCode.OK, "it only asks");
            (await crossSite.Content.ReadAsStringAsync()).Should().Contain("Sign out of Ledger?");
            (await CodeWithCookieAsync(browser)).Should().BeTrue("the session is still there");
            var refreshed = await AuthorizationCodeFlow.RefreshAsync(
                browser.Client,
                tokens.RefreshToken!
            );
            refreshed.AccessToken.Should().NotBeNullOrEmpty();
        }
    }

    [Test]
    public async Task Should_end_the_session_and_revoke_its_tokens_with_the_id_token_hint()
    {
        var (browser, tokens) = await SignedInBrowserAsync();
        using (browser)
        {
            using var logout = await browser.GetAsync(LogoutUrl(tokens.IdToken));

            AuthorizationCodeFlow
                .RedirectTarget(logout)
                .Should()
                .Be(new Uri(TestOAuthClient.PostLogoutRedirectUri));
            (await CodeWithCookieAsync(browser)).Should().BeFalse();
            var refresh = () =>
                AuthorizationCodeFlow.RefreshAsync(browser.Client, tokens.RefreshToken!);
            (await refresh.Should().ThrowAsync<TokenRequestFailedException>())
                .Which.Error.Should()
                .Be("invalid_grant");
        }
    }

    [Test]
    public async Task Should_end_the_session_when_the_user_confirms_and_not_on_a_forged_post()
    {
        var (browser, _) = await SignedInBrowserAsync();
        using (browser)
        {
            using var forged = await browser.Client.PostAsync(
                "/connect/logout",
                new FormUrlEncodedContent(
                    new Dictionary<string, string> { ["client_id"] = TestOAuthClient.ClientId }
                )
            );
            forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await CodeWithCookieAsync(browser)).Should().BeTrue();

            using var asked = await browser.GetAsync(LogoutUrl());
            var form = LoginForm.Parse(await asked.Content.ReadAsStringAsync());
            using var confirmed = await browser.Client.PostAsync(
                "/connect/logout",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        [form.AntiforgeryFieldName] = form.AntiforgeryToken,
                        ["client_id"] = TestOAuthClient.ClientId,
                        ["post_logout_redirect_uri"] = TestOAuthClient.PostLogoutRedirectUri,
                    }
                )
            );

            AuthorizationCodeFlow
                .RedirectTarget(confirmed)
                .Should()
                .Be(new Uri(TestOAuthClient.PostLogoutRedirectUri));
            (await CodeWithCookieAsync(browser)).Should().BeFalse();
        }
    }

    private static async Task<(Browser, TokenResponse)> SignedInBrowserAsync()
    {
        var email = Pii.Email();
        var password = Pii.Password();
        await ApiUsers.RegisterAsync(email, password, Pii.Name());
        var browser = new Browser();
        return (browser, await AuthorizationCodeFlow.SignInAsync(email, password, browser));
    }

    private static string LogoutUrl(string? idTokenHint = null) =>
        "/connect/logout?client_id="
        + TestOAuthClient.ClientId
        + (idTokenHint is null ? "" : "&id_token_hint=" + Uri.EscapeDataString(idTokenHint))
        + "&post_logout_redirect_uri="
        + Uri.EscapeDataString(TestOAuthClient.PostLogoutRedirectUri);

    /// <summary>Whether the browser's session cookie alone still gets an authorization code.</summary>
    private static async Task<bool> CodeWithCookieAsync(Browser browser)
    {
        using var authorize = await browser.GetAsync(
            AuthorizationCodeFlow.AuthorizeUrl(Pkce.Create())
        );
        return !AuthorizationCodeFlow
            .RedirectTarget(authorize)
            .AbsolutePath.Equals(LoginForm.Action, StringComparison.Ordinal);
    }
}
