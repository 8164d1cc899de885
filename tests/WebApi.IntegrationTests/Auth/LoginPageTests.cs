using System.Net;
using System.Text.RegularExpressions;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Auth;

/// <summary>The server-rendered login page: plain HTML, anti-forgery, one error for every failure.</summary>
public sealed partial class LoginPageTests : HttpTest
{
    private const string IncorrectCredentials = "The email or password is incorrect.";

    [Test]
    public async Task Should_render_a_form_without_scripts_that_cannot_be_framed()
    {
        using var browser = new Browser();

        using var response = await browser.GetAsync(
            "/account/login?returnUrl=%2Fconnect%2Fauthorize"
        );

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("<form method=\"post\" action=\"/account/login\">");
        html.Should().NotContainEquivalentOf("<script");
        LoginForm.Parse(html).ReturnUrl.Should().Be("/connect/authorize");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("frame-ancestors 'none'").And.Contain("default-src 'none'");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Test]
    public async Task Should_refuse_a_sign_in_without_the_anti_forgery_token()
    {
        var user = await RegisterAsync();
        using var browser = new Browser();
        var form = await browser.OpenLoginPageAsync("/account/login");

        using var response = await browser.SubmitLoginAsync(
            form with
            {
                AntiforgeryToken = "forged",
            },
            user.Email,
            user.Password
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? [])
            .Should()
            .NotContain(c => c.StartsWith("ledger.session", StringComparison.Ordinal));
    }

    [Test]
    public async Task Should_answer_400_to_a_post_that_is_not_a_form()
    {
        using var browser = new Browser();

        using var response = await browser.Client.PostAsync(
            "/account/login",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Should_show_the_same_error_for_an_unknown_email_and_a_wrong_password()
    {
        var user = await RegisterAsync();

        var unknownEmail = await FailedSignInPageAsync(Pii.Email(), user.Password);
        var wrongPassword = await FailedSignInPageAsync(user.Email, Pii.Password());

        unknownEmail.Should().Contain(IncorrectCredentials);
        Normalized(unknownEmail).Should().Be(Normalized(wrongPassword));
    }

    [Test]
    public async Task Should_lock_the_account_after_repeated_failures_without_saying_so()
    {
        var user = await RegisterAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await FailedSignInPageAsync(user.Email, Pii.Password());
        }

        var page = await FailedSignInPageAsync(user.Email, user.Password);

        page.Should()
            .Contain(IncorrectCredentials, "the right password no longer works while locked out");
    }

    [Test]
    public async Task Should_encode_the_email_it_shows_again()
    {
        var hostile = Pii.Email() + "\"><script>alert(1)</script>";

        var page = await FailedSignInPageAsync(hostile, Pii.Password());

        page.Should().NotContain("<script>").And.Contain("&lt;script&gt;");
    }

    [TestCase("https://evil.example/")]
    [TestCase("//evil.example/")]
    [TestCase("/\\evil.example/")]
    public async Task Should_not_send_the_browser_to_another_site_after_sign_in(string returnUrl)
    {
        var user = await RegisterAsync();
        using var browser = new Browser();
        var form = await browser.OpenLoginPageAsync(
            "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl)
        );

        using var response = await browser.SubmitLoginAsync(
            form with
            {
                ReturnUrl = returnUrl,
            },
            user.Email,
            user.Password
        );

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Location.Should().BeNull();
        (await response.Content.ReadAsStringAsync()).Should().Contain("You are signed in.");
    }

    [Test]
    public async Task Should_return_to_the_local_return_url_after_sign_in()
    {
        var user = await RegisterAsync();
        using var browser = new Browser();
        var form = await browser.OpenLoginPageAsync(
            "/account/login?returnUrl=%2Fconnect%2Fauthorize%3Fx%3D1"
        );

        using var response = await browser.SubmitLoginAsync(form, user.Email, user.Password);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/connect/authorize?x=1");
    }

    private static async Task<string> FailedSignInPageAsync(string email, string password)
    {
        using var browser = new Browser();
        var form = await browser.OpenLoginPageAsync(
            "/account/login?returnUrl=%2Fconnect%2Fauthorize"
        );
        using var response = await browser.SubmitLoginAsync(form, email, password);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Location.Should().BeNull();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The page without what differs by design: the anti-forgery token and the typed email.</summary>
    private static string Normalized(string html) => ValueAttribute().Replace(html, "value=\"\"");

    [GeneratedRegex("value=\"[^\"]*\"")]
    private static partial Regex ValueAttribute();

    private static async Task<(string Email, string Password)> RegisterAsync()
    {
        var email = Pii.Email();
        var password = Pii.Password();
        await ApiUsers.RegisterAsync(email, password, Pii.Name());
        return (email, password);
    }
}
