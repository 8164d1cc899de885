using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;

namespace Ledger.WebApi.IntegrationTests.Support;

/// <summary>
/// The real OAuth 2.0 authorization code flow with PKCE, over HTTP against the test host, step
/// by step: authorize → login page → authorize again → code at the redirect URI → token
/// endpoint. <see cref="SignInAsync"/> runs it all; the steps are public for tests that probe
/// one of them.
/// </summary>
public static class AuthorizationCodeFlow
{
    public const string State = "test-state";

    /// <summary>Signs in with email and password and returns the tokens of the web client.</summary>
    public static async Task<TokenResponse> SignInAsync(
        string email,
        string password,
        Browser? browser = null
    )
    {
        using var ownBrowser = browser is null ? new Browser() : null;
        var agent = browser ?? ownBrowser!;
        var pkce = Pkce.Create();
        var code = await GetCodeAsync(agent, email, password, AuthorizeUrl(pkce));
        return await RedeemCodeAsync(agent.Client, code, pkce.Verifier);
    }

    /// <summary>
    /// /connect/authorize for the test client with S256 PKCE. <paramref name="overrides"/>
    /// replaces parameters; a null value leaves the parameter out.
    /// </summary>
    public static string AuthorizeUrl(
        Pkce pkce,
        IReadOnlyDictionary<string, string?>? overrides = null
    )
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = TestOAuthClient.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = TestOAuthClient.RedirectUri,
            ["scope"] = TestOAuthClient.Scopes,
            ["state"] = State,
            ["code_challenge"] = pkce.Challenge,
            ["code_challenge_method"] = "S256",
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            parameters[name] = value;
        }

        return QueryHelpers.AddQueryString(
            "/connect/authorize",
            parameters.Where(p => p.Value is not null)!
        );
    }

    /// <summary>
    /// Follows an authorization request through the login page to the redirect URI and returns
    /// the code found there.
    /// </summary>
    public static async Task<string> GetCodeAsync(
        Browser browser,
        string email,
        string password,
        string authorizeUrl
    )
    {
        using var toLogin = await browser.GetAsync(authorizeUrl);
        var location = RedirectTarget(toLogin);
        if (!location.AbsolutePath.Equals(LoginForm.Action, StringComparison.Ordinal))
        {
            // Already signed in: the authorization endpoint answered with the code at once.
            return CodeFrom(location);
        }

        var form = await browser.OpenLoginPageAsync(location.PathAndQuery);
        using var signedIn = await browser.SubmitLoginAsync(form, email, password);
        var back = RedirectTarget(signedIn);
        using var toClient = await browser.GetAsync(back.PathAndQuery);
        return CodeFrom(RedirectTarget(toClient));
    }

    public static async Task<TokenResponse> RedeemCodeAsync(
        HttpClient client,
        string code,
        string verifier,
        string redirectUri = TestOAuthClient.RedirectUri
    )
    {
        using var response = await PostTokenAsync(
            client,
            new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = TestOAuthClient.ClientId,
                ["code"] = code,
                ["code_verifier"] = verifier,
                ["redirect_uri"] = redirectUri,
            }
        );
        return await ReadTokensAsync(response);
    }

    public static async Task<TokenResponse> RefreshAsync(HttpClient client, string refreshToken)
    {
        using var response = await PostTokenAsync(
            client,
            new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = TestOAuthClient.ClientId,
                ["refresh_token"] = refreshToken,
            }
        );
        return await ReadTokensAsync(response);
    }

    public static Task<HttpResponseMessage> PostTokenAsync(
        HttpClient client,
        IReadOnlyDictionary<string, string> form
    ) => client.PostAsync("/connect/token", new FormUrlEncodedContent(form));

    private static string Snippet(HttpResponseMessage response)
    {
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return body.Length > 400 ? body[..400] : body;
    }

    /// <summary>Where a 302 points, resolved against the test host.</summary>
    public static Uri RedirectTarget(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is null)
        {
            throw new InvalidOperationException(
                $"Expected a redirect from {response.RequestMessage?.RequestUri?.AbsolutePath}, got {(int)response.StatusCode}: {Snippet(response)}"
            );
        }

        var location = response.Headers.Location;
        return location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
    }

    /// <summary>The query parameters of a redirect to the client (code, state, error...).</summary>
    public static Dictionary<string, string> RedirectParameters(Uri location) =>
        QueryHelpers
            .ParseQuery(location.Query)
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    private static string CodeFrom(Uri location)
    {
        var expected = new Uri(TestOAuthClient.RedirectUri);
        var parameters = RedirectParameters(location);
        if (
            location.GetLeftPart(UriPartial.Path) != expected.GetLeftPart(UriPartial.Path)
            || !parameters.TryGetValue("code", out var code)
        )
        {
            throw new InvalidOperationException(
                $"Expected a code at the redirect URI, got an error: {parameters.GetValueOrDefault("error")}."
            );
        }

        return parameters.GetValueOrDefault("state") == State
            ? code
            : throw new InvalidOperationException("The state did not come back unchanged.");
    }

    private static async Task<TokenResponse> ReadTokensAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadFromJsonAsync<TokenError>();
            throw new TokenRequestFailedException(response.StatusCode, error?.Error);
        }

        return await response.Content.ReadFromJsonAsync<TokenResponse>()
            ?? throw new InvalidOperationException("The token endpoint answered nothing.");
    }
}

public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("id_token")] string? IdToken
);

public sealed record TokenError([property: JsonPropertyName("error")] string? Error);

/// <summary>The token endpoint refused; <see cref="Error"/> is the OAuth error code.</summary>
public sealed class TokenRequestFailedException(HttpStatusCode status, string? error)
    : Exception($"The token endpoint answered {(int)status} {error}.")
{
    public HttpStatusCode Status { get; } = status;
    public string? Error { get; } = error;
}
