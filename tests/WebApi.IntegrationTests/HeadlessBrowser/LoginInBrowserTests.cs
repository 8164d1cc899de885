using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AwesomeAssertions;
using Ledger.Domain.Common;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ledger.WebApi.IntegrationTests.HeadlessBrowser;

/// <summary>
/// The login page in a real browser: headless Chromium goes from the authorization request
/// (code + PKCE S256) through the server-rendered form to the client's redirect URI, and the
/// client redeems the code for tokens the API accepts. With and without JavaScript.
/// </summary>
public sealed class LoginInBrowserTests : HttpTest
{
    private const string IncorrectCredentials = "The email or password is incorrect.";

    [Test]
    public Task Should_sign_in_through_code_and_pkce_to_tokens_the_api_accepts() =>
        SignInToTokensAsync(javaScriptEnabled: true);

    [Test]
    public Task Should_sign_in_with_javascript_disabled() =>
        SignInToTokensAsync(javaScriptEnabled: false);

    [Test]
    public async Task Should_show_one_error_for_a_wrong_password_and_an_unknown_email_and_send_no_code()
    {
        var (_, email, password) = await RegisterAsync();

        var wrongPassword = await FailedSignInAsync(email, Pii.Password());
        var unknownEmail = await FailedSignInAsync(Pii.Email(), password);

        wrongPassword.Error.Should().Be(IncorrectCredentials);
        unknownEmail
            .Should()
            .Be(wrongPassword, "the page must not tell whether the email has an account");
    }

    private static async Task SignInToTokensAsync(bool javaScriptEnabled)
    {
        var (userId, email, password) = await RegisterAsync();
        var pkce = Pkce.Create();
        await using var client = await ClientInBrowser.OpenAsync(javaScriptEnabled);

        await client.Page.GotoAsync(AuthorizationCodeFlow.AuthorizeUrl(pkce));
        await ExpectUsableLoginFormAsync(client.Page);
        await SubmitAsync(client.Page, email, password);
        await client.Page.WaitForURLAsync(ClientInBrowser.IsRedirectUri);

        var callback = client.Callbacks.Should().ContainSingle().Subject;
        var parameters = AuthorizationCodeFlow.RedirectParameters(callback);
        parameters.Should().ContainKey("state").WhoseValue.Should().Be(AuthorizationCodeFlow.State);
        using var http = BrowserHost.CreateHttpClient();
        var tokens = await AuthorizationCodeFlow.RedeemCodeAsync(
            http,
            parameters.Should().ContainKey("code").WhoseValue,
            pkce.Verifier
        );
        tokens.RefreshToken.Should().NotBeNullOrEmpty();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        using var response = await http.SendAsync(me);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<MeBody>())!.Id.Should().Be(userId.Value);
    }

    /// <summary>Plain HTML that posts without any script: a form with labelled fields.</summary>
    private static async Task ExpectUsableLoginFormAsync(IPage page)
    {
        new Uri(page.Url).AbsolutePath.Should().Be("/account/login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Ledger" }))
            .ToBeVisibleAsync();
        var form = page.Locator("form");
        await Expect(form).ToHaveAttributeAsync("method", "post");
        await Expect(form).ToHaveAttributeAsync("action", "/account/login");
        await Expect(page.Locator("script")).ToHaveCountAsync(0);
    }

    private static async Task SubmitAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static async Task<FailedPage> FailedSignInAsync(string email, string password)
    {
        await using var client = await ClientInBrowser.OpenAsync(javaScriptEnabled: true);
        await client.Page.GotoAsync(AuthorizationCodeFlow.AuthorizeUrl(Pkce.Create()));
        await SubmitAsync(client.Page, email, password);

        var alert = client.Page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToBeVisibleAsync();
        new Uri(client.Page.Url).AbsolutePath.Should().Be("/account/login");
        client.Callbacks.Should().BeEmpty("a failed sign-in sends nothing to the client");
        // Visible text only: the email typed in stays in its field, and differs by design.
        return new FailedPage(
            await alert.InnerTextAsync(),
            await client.Page.Locator("main").InnerTextAsync()
        );
    }

    private static async Task<(UserId Id, string Email, string Password)> RegisterAsync()
    {
        var email = Pii.Email();
        var password = Pii.Password();
        var id = await ApiUsers.RegisterAsync(email, password, Pii.Name());
        return (id, email, password);
    }

    private sealed record FailedPage(string Error, string VisibleText);

    private sealed record MeBody(Guid Id, string DisplayName);
}
