using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Auth;

/// <summary>
/// Sign-in end to end over HTTP: registration, authorization code + PKCE, refresh, sign-out,
/// and the API accepting bearer tokens and nothing else.
/// </summary>
public sealed class SignInFlowTests : HttpTest
{
    [Test]
    public async Task Should_issue_tokens_through_code_and_pkce_that_the_api_accepts()
    {
        using var user = await ApiUsers.SignUpAsync();

        using var response = await user.HttpClient.GetAsync("/api/v1/me");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var me = await response.Content.ReadFromJsonAsync<MeBody>();
        me.Should().Be(new MeBody(user.UserId.Value, user.DisplayName));
        user.Tokens.TokenType.Should().Be("Bearer");
        user.Tokens.RefreshToken.Should().NotBeNullOrEmpty();
        user.Tokens.IdToken.Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task Should_issue_access_tokens_that_live_at_most_an_hour_by_default()
    {
        using var user = await ApiUsers.SignUpAsync();

        user.Tokens.ExpiresIn.Should().BeInRange(1, 3600);
    }

    [Test]
    public async Task Should_sign_in_an_existing_user_again_with_new_tokens()
    {
        using var first = await ApiUsers.SignUpAsync();

        using var again = await ApiUsers.SignInAsync(first.Email, first.Password);

        again.UserId.Should().Be(first.UserId);
        again.DisplayName.Should().Be(first.DisplayName);
        again.Tokens.AccessToken.Should().NotBe(first.Tokens.AccessToken);
    }

    [Test]
    public async Task Should_answer_401_without_a_redirect_to_an_anonymous_api_call()
    {
        using var client = ApiUsers.AnonymousClient();

        using var response = await client.GetAsync("/api/v1/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Location.Should().BeNull();
        response.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer");
    }

    [Test]
    public async Task Should_answer_401_to_a_bearer_token_that_is_not_ours()
    {
        using var client = ApiUsers.ClientWith("not-a-token");

        using var response = await client.GetAsync("/api/v1/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Should_not_let_the_sign_in_cookie_call_the_api()
    {
        var user = await RegisterAsync();
        using var browser = new Browser();
        await AuthorizationCodeFlow.SignInAsync(user.Email, user.Password, browser);

        using var response = await browser.GetAsync("/api/v1/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Location.Should().BeNull();
    }

    [Test]
    public async Task Should_reject_an_authorization_request_without_a_code_challenge()
    {
        var body = await RefusedAuthorizationAsync(
            new Dictionary<string, string?>
            {
                ["code_challenge"] = null,
                ["code_challenge_method"] = null,
            }
        );

        body.Should().Contain("invalid_request").And.Contain("code_challenge");
    }

    [Test]
    public async Task Should_reject_the_plain_code_challenge_method()
    {
        var pkce = Pkce.Create();

        var body = await RefusedAuthorizationAsync(
            new Dictionary<string, string?>
            {
                ["code_challenge"] = pkce.Verifier,
                ["code_challenge_method"] = "plain",
            }
        );

        body.Should().Contain("invalid_request").And.Contain("code_challenge_method");
    }

    [Test]
    public async Task Should_reject_the_implicit_flow()
    {
        var body = await RefusedAuthorizationAsync(
            new Dictionary<string, string?> { ["response_type"] = "token" }
        );

        body.Should().Contain("unsupported_response_type");
    }

    [Test]
    public async Task Should_reject_the_password_grant()
    {
        var user = await RegisterAsync();
        using var client = ApiUsers.AnonymousClient();

        using var response = await AuthorizationCodeFlow.PostTokenAsync(
            client,
            new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = TestOAuthClient.ClientId,
                ["username"] = user.Email,
                ["password"] = user.Password,
                ["scope"] = TestOAuthClient.Scopes,
            }
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<TokenError>())!
            .Error.Should()
            .Be("unsupported_grant_type");
    }

    [Test]
    public async Task Should_accept_an_authorization_code_only_once()
    {
        var user = await RegisterAsync();
        using var browser = new Browser();
        var pkce = Pkce.Create();
        var code = await AuthorizationCodeFlow.GetCodeAsync(
            browser,
            user.Email,
            user.Password,
            AuthorizationCodeFlow.AuthorizeUrl(pkce)
        );
        await AuthorizationCodeFlow.RedeemCodeAsync(browser.Client, code, pkce.Verifier);

        var again = () =>
            AuthorizationCodeFlow.RedeemCodeAsync(browser.Client, code, pkce.Verifier);

        (await again.Should().ThrowAsync<TokenRequestFailedException>())
            .Which.Error.Should()
            .Be("invalid_grant");
    }

    [Test]
    public async Task Should_refuse_a_code_with_the_wrong_code_verifier()
    {
        var user = await RegisterAsync();
        using var browser = new Browser();
        var code = await AuthorizationCodeFlow.GetCodeAsync(
            browser,
            user.Email,
            user.Password,
            AuthorizationCodeFlow.AuthorizeUrl(Pkce.Create())
        );

        var redeem = () =>
            AuthorizationCodeFlow.RedeemCodeAsync(browser.Client, code, Pkce.Create().Verifier);

        (await redeem.Should().ThrowAsync<TokenRequestFailedException>())
            .Which.Error.Should()
            .Be("invalid_grant");
    }

    [TestCase(TestOAuthClient.RedirectUri + "/")]
    [TestCase(TestOAuthClient.RedirectUri + "?next=/")]
    [TestCase("https://APP.ledger.test/auth/callback")]
    [TestCase("https://app.ledger.test/auth/Callback")]
    [TestCase("https://evil.example/auth/callback")]
    public async Task Should_refuse_a_redirect_uri_that_is_not_registered_exactly(
        string redirectUri
    )
    {
        using var browser = new Browser();
        var url = AuthorizationCodeFlow.AuthorizeUrl(
            Pkce.Create(),
            new Dictionary<string, string?> { ["redirect_uri"] = redirectUri }
        );

        using var response = await browser.GetAsync(url);

        // Refused here, never sent on to the unregistered address.
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
    }

    [Test]
    public async Task Should_refuse_a_token_request_whose_redirect_uri_differs_from_the_authorization_request()
    {
        var user = await RegisterAsync();
        using var browser = new Browser();
        var pkce = Pkce.Create();
        var code = await AuthorizationCodeFlow.GetCodeAsync(
            browser,
            user.Email,
            user.Password,
            AuthorizationCodeFlow.AuthorizeUrl(pkce)
        );

        var redeem = () =>
            AuthorizationCodeFlow.RedeemCodeAsync(
                browser.Client,
                code,
                pkce.Verifier,
                TestOAuthClient.PostLogoutRedirectUri
            );

        (await redeem.Should().ThrowAsync<TokenRequestFailedException>())
            .Which.Error.Should()
            .Be("invalid_grant");
    }

    [Test]
    public async Task Should_rotate_the_refresh_token_on_every_refresh()
    {
        using var user = await ApiUsers.SignUpAsync();

        var refreshed = await AuthorizationCodeFlow.RefreshAsync(
            user.HttpClient,
            user.Tokens.RefreshToken!
        );

        refreshed.RefreshToken.Should().NotBeNullOrEmpty().And.NotBe(user.Tokens.RefreshToken);
        using var client = ApiUsers.ClientWith(refreshed.AccessToken);
        using var response = await client.GetAsync("/api/v1/me");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_refuse_a_refresh_token_that_was_already_used()
    {
        using var user = await ApiUsers.SignUpAsync();
        await AuthorizationCodeFlow.RefreshAsync(user.HttpClient, user.Tokens.RefreshToken!);

        var reuse = () =>
            AuthorizationCodeFlow.RefreshAsync(user.HttpClient, user.Tokens.RefreshToken!);

        (await reuse.Should().ThrowAsync<TokenRequestFailedException>())
            .Which.Error.Should()
            .Be("invalid_grant");
    }

    [Test]
    public async Task Should_refuse_a_revoked_refresh_token()
    {
        using var user = await ApiUsers.SignUpAsync();
        using var revoked = await user.HttpClient.PostAsync(
            "/connect/revoke",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["client_id"] = TestOAuthClient.ClientId,
                    ["token"] = user.Tokens.RefreshToken!,
                    ["token_type_hint"] = "refresh_token",
                }
            )
        );
        revoked.StatusCode.Should().Be(HttpStatusCode.OK);

        var refresh = () =>
            AuthorizationCodeFlow.RefreshAsync(user.HttpClient, user.Tokens.RefreshToken!);

        (await refresh.Should().ThrowAsync<TokenRequestFailedException>())
            .Which.Error.Should()
            .Be("invalid_grant");
    }

    [Test]
    public async Task Should_end_the_sign_in_session_on_logout()
    {
        var user = await RegisterAsync();
        using var browser = new Browser();
        var tokens = await AuthorizationCodeFlow.SignInAsync(user.Email, user.Password, browser);

        using var logout = await browser.GetAsync(
            "/connect/logout?client_id="
                + TestOAuthClient.ClientId
                + "&id_token_hint="
                + Uri.EscapeDataString(tokens.IdToken!)
                + "&post_logout_redirect_uri="
                + Uri.EscapeDataString(TestOAuthClient.PostLogoutRedirectUri)
        );

        AuthorizationCodeFlow
            .RedirectTarget(logout)
            .Should()
            .Be(new Uri(TestOAuthClient.PostLogoutRedirectUri));
        using var authorize = await browser.GetAsync(
            AuthorizationCodeFlow.AuthorizeUrl(Pkce.Create())
        );
        AuthorizationCodeFlow
            .RedirectTarget(authorize)
            .AbsolutePath.Should()
            .Be(LoginForm.Action, "the session is gone, so the user must sign in again");
    }

    [Test]
    public async Task Should_answer_prompt_none_without_a_session_with_login_required()
    {
        var location = await AuthorizeAsync(
            new Dictionary<string, string?> { ["prompt"] = "none" }
        );

        AuthorizationCodeFlow
            .RedirectParameters(location)
            .Should()
            .ContainKey("error")
            .WhoseValue.Should()
            .Be("login_required");
    }

    /// <summary>
    /// An authorization request OpenIddict refuses before it has checked the redirect URI: it
    /// answers 400 itself rather than send anything (least of all a code) to that address.
    /// </summary>
    private static async Task<string> RefusedAuthorizationAsync(
        IReadOnlyDictionary<string, string?> overrides
    )
    {
        using var browser = new Browser();
        using var response = await browser.GetAsync(
            AuthorizationCodeFlow.AuthorizeUrl(Pkce.Create(), overrides)
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<Uri> AuthorizeAsync(IReadOnlyDictionary<string, string?> overrides)
    {
        using var browser = new Browser();
        using var response = await browser.GetAsync(
            AuthorizationCodeFlow.AuthorizeUrl(Pkce.Create(), overrides)
        );
        var location = AuthorizationCodeFlow.RedirectTarget(response);
        location.GetLeftPart(UriPartial.Path).Should().Be(TestOAuthClient.RedirectUri);
        return location;
    }

    private static async Task<(string Email, string Password)> RegisterAsync()
    {
        var email = Ledger.TestSupport.Pii.Email();
        var password = Ledger.TestSupport.Pii.Password();
        await ApiUsers.RegisterAsync(email, password, Ledger.TestSupport.Pii.Name());
        return (email, password);
    }

    private sealed record MeBody(Guid Id, string DisplayName);
}
