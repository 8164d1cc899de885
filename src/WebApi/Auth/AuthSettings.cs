namespace Ledger.WebApi.Auth;

/// <summary>
/// The <c>Auth</c> configuration section. Lifetimes have safe defaults; keys have none (see
/// <see cref="TokenKeys"/>), and the first-party web client exists only when configured.
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>The audience every access token is issued for and the API insists on.</summary>
    public const string ApiAudience = "ledger-api";

    public int AccessTokenLifetimeMinutes { get; init; } = 60;

    public int AuthorizationCodeLifetimeSeconds { get; init; } = 120;

    public int RefreshTokenLifetimeDays { get; init; } = 14;

    /// <summary>
    /// The absolute lifetime of a sign-in: refresh tokens rotate and each lives
    /// <see cref="RefreshTokenLifetimeDays"/>, but no chain of them outlives this many days
    /// after the authorization that started it. Then the user signs in again.
    /// </summary>
    public int SessionLifetimeDays { get; init; } = 30;

    /// <summary>
    /// How long a spent refresh token may be presented again (a client retrying a lost answer).
    /// Zero means strict rotation: any reuse is treated as theft.
    /// </summary>
    public int RefreshTokenReuseLeewaySeconds { get; init; }

    /// <summary>The issuer URI; when unset it is taken from the request's scheme and host.</summary>
    public string? Issuer { get; init; }

    public WebClientSettings? WebClient { get; init; }

    /// <summary>
    /// Development and Testing: plain HTTP on loopback is allowed and token keys are made
    /// locally. Every other environment is treated as production.
    /// </summary>
    public static bool IsLocalEnvironment(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public static AuthSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<AuthSettings>() ?? new AuthSettings();
        Require(settings.AccessTokenLifetimeMinutes > 0, "AccessTokenLifetimeMinutes");
        Require(settings.AuthorizationCodeLifetimeSeconds > 0, "AuthorizationCodeLifetimeSeconds");
        Require(settings.RefreshTokenLifetimeDays > 0, "RefreshTokenLifetimeDays");
        Require(settings.SessionLifetimeDays > 0, "SessionLifetimeDays");
        Require(settings.RefreshTokenReuseLeewaySeconds >= 0, "RefreshTokenReuseLeewaySeconds");
        Require(
            settings.Issuer is null || Uri.TryCreate(settings.Issuer, UriKind.Absolute, out _),
            "Issuer"
        );
        return settings;
    }

    private static void Require(bool condition, string name)
    {
        if (!condition)
        {
            throw new InvalidOperationException(
                $"Configuration setting {Section}:{name} is invalid."
            );
        }
    }
}

/// <summary>The first-party web frontend: a public client using authorization code + PKCE.</summary>
public sealed class WebClientSettings
{
    public string ClientId { get; init; } = "ledger-web";

    public string DisplayName { get; init; } = "Ledger web app";

    /// <summary>Matched exactly, character for character.</summary>
    public List<string> RedirectUris { get; init; } = [];

    public List<string> PostLogoutRedirectUris { get; init; } = [];
}
