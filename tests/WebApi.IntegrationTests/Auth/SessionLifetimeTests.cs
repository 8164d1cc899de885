using AwesomeAssertions;
using Ledger.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.WebApi.IntegrationTests.Auth;

/// <summary>
/// Refresh tokens rotate and each lives 14 days, but a chain of them ends 30 days
/// (Auth:SessionLifetimeDays) after the sign-in that started it: a stolen refresh token
/// cannot be kept alive forever by refreshing it.
/// </summary>
public sealed class SessionLifetimeTests : HttpTest
{
    [Test]
    public async Task Should_end_a_chain_of_refresh_tokens_30_days_after_the_sign_in()
    {
        var clock = new MovableClock();
        await using var restarted = ExtraApiHost.Restarted();
        var host = restarted.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock))
        );
        using var user = await ApiUsers.SignUpAsync(host);
        using var client = ApiUsers.AnonymousClient(host);
        var refreshToken = user.Tokens.RefreshToken!;

        // Refreshed every 10 days, each refresh token well within its own 14 days.
        for (var refresh = 0; refresh < 2; refresh++)
        {
            clock.Advance(TimeSpan.FromDays(10));
            refreshToken = (
                await AuthorizationCodeFlow.RefreshAsync(client, refreshToken)
            ).RefreshToken!;
        }

        clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));
        var afterThirtyDays = () => AuthorizationCodeFlow.RefreshAsync(client, refreshToken);

        (await afterThirtyDays.Should().ThrowAsync<TokenRequestFailedException>())
            .Which.Error.Should()
            .Be("invalid_grant");
    }

    /// <summary>The system clock, moved forward by the test.</summary>
    private sealed class MovableClock : TimeProvider
    {
        private long _offsetTicks;

        public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

        public override DateTimeOffset GetUtcNow() =>
            base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
    }
}
