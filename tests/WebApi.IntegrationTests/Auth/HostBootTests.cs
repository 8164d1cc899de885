using System.Net;
using System.Security.Cryptography;
using System.Text;
using AwesomeAssertions;
using Ledger.WebApi.IntegrationTests.Support;
using Npgsql;

namespace Ledger.WebApi.IntegrationTests.Auth;

/// <summary>
/// Token keys across boots: Production refuses to start without configured keys (R11) and
/// names what is missing; Development/Testing keep their keys and Data Protection key ring, so
/// a restart keeps tokens and sessions valid.
/// </summary>
public sealed class HostBootTests : HttpTest
{
    [Test]
    public async Task Should_refuse_to_start_in_production_without_signing_and_encryption_keys()
    {
        await using var host = ExtraApiHost.Production(new Dictionary<string, string?>());

        var start = () => host.Server;

        var message = Messages(start.Should().Throw<Exception>().Which);
        message.Should().Contain("Auth:SigningKey").And.Contain("Auth:EncryptionKey");
    }

    [Test]
    public async Task Should_name_the_missing_key_when_only_one_is_configured()
    {
        await using var host = ExtraApiHost.Production(
            new Dictionary<string, string?> { ["Auth:SigningKey"] = NewPem() }
        );

        var start = () => host.Server;

        var message = Messages(start.Should().Throw<Exception>().Which);
        message.Should().Contain("Auth:EncryptionKey").And.NotContain("Auth:SigningKey ");
    }

    [Test]
    public async Task Should_refuse_a_key_that_is_not_an_rsa_private_key()
    {
        await using var host = ExtraApiHost.Production(
            new Dictionary<string, string?>
            {
                ["Auth:SigningKey"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("not a key")),
                ["Auth:EncryptionKey"] = NewPem(),
            }
        );

        var start = () => host.Server;

        Messages(start.Should().Throw<Exception>().Which).Should().Contain("Auth:SigningKey");
    }

    [Test]
    public async Task Should_start_in_production_with_keys_from_configuration()
    {
        var keyFile = Path.Combine(Path.GetTempPath(), $"ledger-test-key-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyFile, NewPem());
        try
        {
            await using var host = ExtraApiHost.Production(
                new Dictionary<string, string?>
                {
                    // Base64 PEM inline for one, a PEM file for the other: both forms work.
                    ["Auth:SigningKey"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(NewPem())),
                    ["Auth:EncryptionKeyFile"] = keyFile,
                }
            );
            using var client = host.CreateClient();

            using var response = await client.GetAsync("/health");

            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Test]
    public async Task Should_keep_tokens_and_sign_in_sessions_valid_across_a_restart()
    {
        using var user = await ApiUsers.SignUpAsync();
        using var browser = new Browser();
        await AuthorizationCodeFlow.SignInAsync(user.Email, user.Password, browser);

        await using var restarted = ExtraApiHost.Restarted();

        using var api = ApiUsers.ClientWith(user.Tokens.AccessToken, restarted);
        using var me = await api.GetAsync("/api/v1/me");
        me.StatusCode.Should()
            .Be(HttpStatusCode.OK, "the access token was signed with the same key");
        using var restartedBrowser = new Browser(restarted, browser.Cookies);
        var code = await AuthorizationCodeFlow.GetCodeAsync(
            restartedBrowser,
            user.Email,
            "the session cookie must do: no password is typed",
            AuthorizationCodeFlow.AuthorizeUrl(Pkce.Create())
        );
        code.Should().NotBeNullOrEmpty();
        var refreshed = await AuthorizationCodeFlow.RefreshAsync(
            restartedBrowser.Client,
            user.Tokens.RefreshToken!
        );
        refreshed.AccessToken.Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task Should_keep_the_data_protection_key_ring_in_the_database()
    {
        using var browser = new Browser();
        await browser.OpenLoginPageAsync("/account/login");

        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM data_protection_keys",
            connection
        );

        ((long)(await count.ExecuteScalarAsync())!)
            .Should()
            .BeGreaterThan(0, "every instance must read the same key ring");
    }

    private static string NewPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    private static string Messages(Exception exception)
    {
        var messages = new StringBuilder();
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            messages.AppendLine(current.Message);
        }

        return messages.ToString();
    }
}
