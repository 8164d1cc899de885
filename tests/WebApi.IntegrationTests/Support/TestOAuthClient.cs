using Microsoft.AspNetCore.Hosting;

namespace Ledger.WebApi.IntegrationTests.Support;

/// <summary>
/// The first-party web client as the test host is configured with it. Its redirect URI is
/// never visited: the tests read the code from the redirect's Location header.
/// </summary>
public static class TestOAuthClient
{
    public const string ClientId = "ledger-web";
    public const string RedirectUri = "https://app.ledger.test/auth/callback";
    public const string PostLogoutRedirectUri = "https://app.ledger.test/signed-out";
    public const string Scopes = "openid offline_access";

    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:WebClient:ClientId", ClientId);
        builder.UseSetting("Auth:WebClient:RedirectUris:0", RedirectUri);
        builder.UseSetting("Auth:WebClient:PostLogoutRedirectUris:0", PostLogoutRedirectUri);
    }
}
