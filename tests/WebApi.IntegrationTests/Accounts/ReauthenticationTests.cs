using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Accounts;

/// <summary>
/// Changing the password and deleting the account take the current password, and wrong ones
/// count towards Identity's lockout (5 failures lock for 15 minutes): a stolen bearer token
/// alone can neither take the account over nor destroy it. A browser session ends with the
/// password it was signed in with.
/// </summary>
public sealed class ReauthenticationTests : HttpTest
{
    private const int LockoutThreshold = 5;

    [Test]
    public async Task Should_refuse_to_delete_the_account_with_a_bearer_token_alone()
    {
        using var user = await ApiUsers.SignUpAsync();

        using var withoutBody = await user.HttpClient.DeleteAsync("/api/v1/me");
        using var wrongPassword = await DeleteAccountTests.DeleteAccountAsync(user, Pii.Password());

        withoutBody.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        wrongPassword.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await user.HttpClient.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_lock_password_changes_after_repeated_wrong_current_passwords()
    {
        using var user = await ApiUsers.SignUpAsync();
        var before = await AccountRowAsync(user);

        await GuessUntilLockedOutAsync(() => ChangePasswordAsync(user, Pii.Password()));
        using var right = await ChangePasswordAsync(user, user.Password);

        right
            .StatusCode.Should()
            .Be(HttpStatusCode.Unauthorized, "a locked-out account's tokens stop working");
        (await AccountRowAsync(user)).Should().Be(before, "the password did not change");
    }

    [Test]
    public async Task Should_lock_account_deletion_after_repeated_wrong_current_passwords()
    {
        using var user = await ApiUsers.SignUpAsync();
        var before = await AccountRowAsync(user);

        await GuessUntilLockedOutAsync(() =>
            DeleteAccountTests.DeleteAccountAsync(user, Pii.Password())
        );
        using var right = await DeleteAccountTests.DeleteAccountAsync(user);

        right.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await AccountRowAsync(user)).Should().Be(before, "the account was not deleted");
    }

    /// <summary>Four wrong passwords answer 400 on currentPassword, the fifth locks the account.</summary>
    private static async Task GuessUntilLockedOutAsync(Func<Task<HttpResponseMessage>> guess)
    {
        for (var attempt = 1; attempt < LockoutThreshold; attempt++)
        {
            using var wrong = await guess();
            var body = await wrong.Content.ReadAsStringAsync();
            wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
            body.Should().Contain("currentPassword").And.NotContain("user.locked-out");
        }

        using var locking = await guess();
        await ShouldBeLockedOutAsync(locking);
    }

    private static async Task<string> AccountRowAsync(ApiUser user) =>
        (
            await AccountRows.JsonAsync(
                "SELECT email, password_hash, is_active FROM asp_net_users WHERE id = @id",
                user.UserId.Value
            )
        ).Single();

    [Test]
    public async Task Should_send_a_browser_session_back_to_the_login_page_after_a_password_change()
    {
        var email = Pii.Email();
        var password = Pii.Password();
        await ApiUsers.RegisterAsync(email, password, Pii.Name());
        using var browser = new Browser();
        var tokens = await AuthorizationCodeFlow.SignInAsync(email, password, browser);
        using var api = ApiUsers.ClientWith(tokens.AccessToken);
        using var changed = await api.PostAsJsonAsync(
            "/api/v1/me/password",
            new { currentPassword = password, newPassword = Pii.Password() }
        );
        changed.StatusCode.Should().Be(HttpStatusCode.NoContent);

        // The session cookie from before the change is still in the browser.
        using var authorize = await browser.GetAsync(
            AuthorizationCodeFlow.AuthorizeUrl(Pkce.Create())
        );

        AuthorizationCodeFlow
            .RedirectTarget(authorize)
            .AbsolutePath.Should()
            .Be(LoginForm.Action, "the session ended with the password it was signed in with");
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(ApiUser user, string current) =>
        user.HttpClient.PostAsJsonAsync(
            "/api/v1/me/password",
            new { currentPassword = current, newPassword = Pii.Password() }
        );

    private static async Task ShouldBeLockedOutAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("code").GetString().Should().Be("user.locked-out");
    }
}
