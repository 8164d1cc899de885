using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Ledger.Infrastructure.Persistence;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ledger.WebApi.IntegrationTests.Accounts;

/// <summary>
/// Each API host trusts a token it validated for up to 30 s (ADR 0020); a session ended through
/// one host ends on every other host too, long before that. The hosts here share the database
/// and nothing else.
/// </summary>
public sealed class SessionCacheTests : HttpTest
{
    // One second host for the fixture: a host start is most of these tests' time.
    private ExtraApiHost? _other;

    private ExtraApiHost Other => _other ??= ExtraApiHost.Restarted();

    [OneTimeTearDown]
    public async Task StopOtherHostAsync()
    {
        if (_other is not null)
        {
            await _other.DisposeAsync();
        }
    }

    [Test]
    public async Task Should_end_a_token_cached_by_another_host_when_the_password_changes()
    {
        using var user = await ApiUsers.SignUpAsync();
        using var elsewhere = ApiUsers.ClientWith(user.Tokens.AccessToken, Other);
        await ShouldBeServedTwiceAsync(elsewhere);

        using var changed = await user.HttpClient.PostAsJsonAsync(
            "/api/v1/me/password",
            new { currentPassword = user.Password, newPassword = Pii.Password() }
        );

        changed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await TokenRevocationTests.AccessShouldFailAsync(user.HttpClient);
        (await EndsSoonAsync(elsewhere)).Should().BeTrue("the other host was told at commit");
    }

    [Test]
    public async Task Should_end_a_token_cached_by_another_host_when_its_family_is_revoked()
    {
        using var user = await ApiUsers.SignUpAsync();
        using var elsewhere = ApiUsers.ClientWith(user.Tokens.AccessToken, Other);
        await ShouldBeServedTwiceAsync(elsewhere);
        using var client = ApiUsers.AnonymousClient();
        var spent = user.Tokens.RefreshToken!;
        await AuthorizationCodeFlow.RefreshAsync(client, spent);

        // Replaying a spent refresh token revokes the whole authorization, through this host.
        await TokenRevocationTests.RefreshShouldFailAsync(spent);

        await TokenRevocationTests.AccessShouldFailAsync(user.HttpClient);
        (await EndsSoonAsync(elsewhere)).Should().BeTrue("the other host was told at commit");
    }

    [Test]
    public async Task Should_not_reset_pooled_connections_before_each_command()
    {
        await using var scope = ApiHost.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString())
            .NoResetOnClose.Should()
            .BeTrue("DISCARD ALL would double the round trips of every read (ADR 0021)");
    }

    private static async Task ShouldBeServedTwiceAsync(HttpClient client)
    {
        for (var request = 0; request < 2; request++)
        {
            using var me = await client.GetAsync("/api/v1/me");
            me.StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    /// <summary>Well within the cache's 30 s: only an invalidation ends the token this soon.</summary>
    private static async Task<bool> EndsSoonAsync(HttpClient client)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            using var me = await client.GetAsync("/api/v1/me", CancellationToken.None);
            if (me.StatusCode == HttpStatusCode.Unauthorized)
            {
                return true;
            }

            if (deadline.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
