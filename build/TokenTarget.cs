using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;

namespace Ledger.Build;

/// <summary>
/// `token [email]`: signs a demo user in to the running API (./build.sh run) through the real
/// authorization code + PKCE flow — authorize, login page, code, token endpoint — and prints
/// the access token alone on stdout, so that <c>TOKEN=$(./build.sh token)</c> works. The tokens
/// are kept under <c>.local/tokens/</c> (one file per API and user, readable by the owner only):
/// an access token that still works is printed again without signing in, an expired one is
/// renewed with the refresh token (one auth request instead of two), so running the README
/// walkthrough twice does not spend the auth rate limit.
/// </summary>
internal static partial class TokenTarget
{
    public static async Task<int> RunAsync(string root, string? email)
    {
        var apiUrl = Environment.GetEnvironmentVariable("LEDGER_API_URL") ?? Targets.ApiUrl;
        var logins = DemoLogin.Read(root);
        var login =
            (
                email is null
                    ? (logins.Count > 0 ? logins[0] : null)
                    : logins.FirstOrDefault(l =>
                        l.Email.Equals(email, StringComparison.OrdinalIgnoreCase)
                    )
            )
            ?? throw new BuildException(
                $"No such demo user. Demo users: {string.Join(", ", logins.Select(l => l.Email))}."
            );
        var (clientId, redirectUri) = WebClient(root);

        using var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(apiUrl) };
        try
        {
            var cache = new TokenCache(root, apiUrl, login.Email);
            var (accessToken, how) = await CachedAsync(http, cache, clientId) switch
            {
                { } cached => cached,
                null => (
                    await SignInOnceMoreIfToldToWaitAsync(() =>
                        SignInAndKeepAsync(http, cache, login, clientId, redirectUri)
                    ),
                    "signed in"
                ),
            };
            Console.Error.WriteLine(
                $"Access token for {login.Email} ({login.DisplayName}), {how}:"
            );
            Console.WriteLine(accessToken);
            return 0;
        }
        catch (HttpRequestException failure)
        {
            throw new BuildException(
                $"Cannot reach the API at {apiUrl} ({failure.Message}). Start it with ./build.sh run."
            );
        }
    }

    /// <summary>
    /// The kept access token if the API still accepts it (a reset database or a changed password
    /// ends it), else one got with the kept refresh token; null when neither works.
    /// </summary>
    private static async Task<(string Token, string How)?> CachedAsync(
        HttpClient http,
        TokenCache cache,
        string clientId
    )
    {
        if (cache.Read() is not { } kept)
        {
            return null;
        }

        if (
            kept.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(1)
            && await WorksAsync(http, kept.AccessToken)
        )
        {
            return (kept.AccessToken, "kept in .local/tokens");
        }

        if (kept.RefreshToken is null)
        {
            return null;
        }

        using var request = new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = clientId,
                ["refresh_token"] = kept.RefreshToken,
            }
        );
        using var response = await http.PostAsync("/connect/token", request);
        if (!response.IsSuccessStatusCode)
        {
            cache.Delete();
            return null;
        }

        var tokens = await ReadTokensAsync(response);
        cache.Write(tokens);
        return (tokens.AccessToken, "renewed with the kept refresh token");
    }

    private static async Task<bool> WorksAsync(HttpClient http, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer",
            accessToken
        );
        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>The longest wait a refusal may ask for before the one further try.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(65);

    /// <summary>
    /// A sign-in the API refused for now (its auth rate limit, a form it no longer accepts) is
    /// tried once more after the wait it asked for, saying so; any other refusal ends the target
    /// with what the API answered.
    /// </summary>
    private static async Task<string> SignInOnceMoreIfToldToWaitAsync(Func<Task<string>> signIn)
    {
        try
        {
            return await signIn();
        }
        catch (SignInRefusedForNow refusal) when (refusal.Wait <= LongestWait)
        {
            Console.Error.WriteLine(
                $"{refusal.Message} Trying once more in {refusal.Wait.TotalSeconds:F0} s."
            );
            await Task.Delay(refusal.Wait);
            try
            {
                return await signIn();
            }
            catch (SignInRefusedForNow again)
            {
                throw new BuildException(again.Message);
            }
        }
        catch (SignInRefusedForNow refusal)
        {
            throw new BuildException(refusal.Message);
        }
    }

    private static async Task<string> SignInAndKeepAsync(
        HttpClient http,
        TokenCache cache,
        DemoLogin login,
        string clientId,
        string redirectUri
    )
    {
        var tokens = await SignInAsync(http, login, clientId, redirectUri);
        cache.Write(tokens);
        return tokens.AccessToken;
    }

    private static async Task<KeptTokens> ReadTokensAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        return new KeptTokens(
            root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            DateTimeOffset.UtcNow.AddSeconds(
                root.TryGetProperty("expires_in", out var expiresIn) ? expiresIn.GetInt32() : 0
            )
        );
    }

    /// <summary>
    /// The bench's sign-in of a user it seeded (no token kept): the same code + PKCE flow, against
    /// the API at <paramref name="apiUrl"/>; the access token.
    /// </summary>
    internal static async Task<string> SignInForBenchAsync(
        string root,
        string apiUrl,
        string email,
        string password
    )
    {
        var (clientId, redirectUri) = WebClient(root);
        using var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(apiUrl) };
        return await SignInOnceMoreIfToldToWaitAsync(async () =>
            (
                await SignInAsync(
                    http,
                    new DemoLogin(email, email, password),
                    clientId,
                    redirectUri
                )
            ).AccessToken
        );
    }

    private static async Task<KeptTokens> SignInAsync(
        HttpClient http,
        DemoLogin login,
        string clientId,
        string redirectUri
    )
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url.EncodeToString(
            SHA256.HashData(Encoding.ASCII.GetBytes(verifier))
        );
        var state = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var authorize =
            "/connect/authorize?"
            + Query(
                ("client_id", clientId),
                ("response_type", "code"),
                ("redirect_uri", redirectUri),
                ("scope", "openid offline_access"),
                ("state", state),
                ("code_challenge", challenge),
                ("code_challenge_method", "S256")
            );

        var loginPage = RedirectTarget(http, await http.GetAsync(authorize), "authorize");
        using var page = await http.GetAsync(loginPage);
        var html = await page.Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(html);
        var returnUrl = ReturnUrlField().Match(html);
        if (!antiforgery.Success || !returnUrl.Success)
        {
            throw new BuildException("The login page did not show its form.");
        }

        using var form = new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                [antiforgery.Groups["name"].Value] = WebUtility.HtmlDecode(
                    antiforgery.Groups["value"].Value
                ),
                ["returnUrl"] = WebUtility.HtmlDecode(returnUrl.Groups["value"].Value),
                ["email"] = login.Email,
                ["password"] = login.Password,
            }
        );
        using var signedIn = await http.PostAsync("/account/login", form);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            ThrowIfForNow(signedIn, "login");
            var answer = await signedIn.Content.ReadAsStringAsync();
            if (signedIn.StatusCode == HttpStatusCode.BadRequest)
            {
                // The login page's anti-forgery check refused the form it had just served.
                throw new SignInRefusedForNow(
                    "The login page refused its own form as expired (400).",
                    TimeSpan.FromSeconds(1)
                );
            }

            throw new BuildException(
                signedIn.StatusCode == HttpStatusCode.OK
                && answer.Contains("incorrect", StringComparison.OrdinalIgnoreCase)
                    ? "The API refused the demo user's password (the login page says the email or password is incorrect). If the database was reset, run ./build.sh run again: it re-seeds the demo users."
                    : $"The demo user could not sign in: the login page answered {(int)signedIn.StatusCode}."
            );
        }

        var back = RedirectTarget(http, signedIn, "login");
        var callback = RedirectTarget(http, await http.GetAsync(back), "authorize");
        var parameters = HttpUtility.ParseQueryString(callback.Query);
        if (parameters["code"] is not { } code || parameters["state"] != state)
        {
            throw new BuildException($"No authorization code came back ({parameters["error"]}).");
        }

        using var tokenRequest = new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = clientId,
                ["code"] = code,
                ["code_verifier"] = verifier,
                ["redirect_uri"] = redirectUri,
            }
        );
        using var tokens = await http.PostAsync("/connect/token", tokenRequest);
        if (tokens.IsSuccessStatusCode)
        {
            return await ReadTokensAsync(tokens);
        }

        ThrowIfForNow(tokens, "token");

        using var body = JsonDocument.Parse(await tokens.Content.ReadAsStringAsync());
        throw new BuildException(
            $"The token endpoint refused: {(body.RootElement.TryGetProperty("error", out var error) ? error.GetString() : ((int)tokens.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture))}."
        );
    }

    private static Uri RedirectTarget(HttpClient http, HttpResponseMessage response, string step)
    {
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is null)
            {
                ThrowIfForNow(response, step);
                throw new BuildException(
                    $"Expected a redirect from the {step} step, got {(int)response.StatusCode}."
                );
            }

            var location = response.Headers.Location;
            return location.IsAbsoluteUri ? location : new Uri(http.BaseAddress!, location);
        }
    }

    /// <summary>
    /// A 429 (the auth rate limit, counted in Redis across runs of the API) or a 503 (the API
    /// still starting, or its database away) is a refusal for now: it says how long to wait.
    /// </summary>
    private static void ThrowIfForNow(HttpResponseMessage response, string step)
    {
        var wait = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => TimeSpan.FromSeconds(2),
        };
        if (wait < TimeSpan.Zero)
        {
            wait = TimeSpan.Zero;
        }

        switch (response.StatusCode)
        {
            case HttpStatusCode.TooManyRequests:
                throw new SignInRefusedForNow(
                    $"The API's sign-in rate limit refused the {step} step (429, retry after {wait.TotalSeconds:F0} s).",
                    wait
                );
            case HttpStatusCode.ServiceUnavailable:
                throw new SignInRefusedForNow(
                    $"The API is not ready for the {step} step (503).",
                    wait
                );
        }
    }

    /// <summary>The web client the API registers in Development: its id and first redirect URI.</summary>
    private static (string ClientId, string RedirectUri) WebClient(string root)
    {
        using var settings = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(root, "src", "WebApi", "appsettings.Development.json"))
        );
        var client = settings.RootElement.GetProperty("Auth").GetProperty("WebClient");
        return (
            client.GetProperty("ClientId").GetString()!,
            client.GetProperty("RedirectUris")[0].GetString()!
        );
    }

    private static string Query(params (string Name, string Value)[] parameters) =>
        string.Join(
            '&',
            parameters.Select(p =>
                $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"
            )
        );

    [GeneratedRegex(
        """<input type="hidden" name="(?<name>__RequestVerificationToken)" value="(?<value>[^"]*)">"""
    )]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("""<input type="hidden" name="returnUrl" value="(?<value>[^"]*)">""")]
    private static partial Regex ReturnUrlField();
}

/// <summary>A refusal the API means for now; a second one ends the target with its message.</summary>
internal sealed class SignInRefusedForNow(string message, TimeSpan wait) : Exception(message)
{
    public TimeSpan Wait { get; } = wait;
}

/// <summary>What is kept of a sign-in: the tokens and when the access token expires.</summary>
internal sealed record KeptTokens(
    string AccessToken,
    string? RefreshToken,
    DateTimeOffset ExpiresAt
);

/// <summary>
/// One file per API URL and user under <c>.local/tokens/</c>, named by a hash of both (no email
/// in a file name), created readable and writable by the owner only.
/// </summary>
internal sealed class TokenCache(string root, string apiUrl, string email)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string FilePath =>
        Path.Combine(
            root,
            ".local",
            "tokens",
            Convert.ToHexStringLower(
                SHA256.HashData(
                    Encoding.UTF8.GetBytes($"{apiUrl.TrimEnd('/')}\n{email.ToUpperInvariant()}")
                )
            )[..24] + ".json"
        );

    public KeptTokens? Read()
    {
        try
        {
            return File.Exists(FilePath)
                ? JsonSerializer.Deserialize<KeptTokens>(File.ReadAllText(FilePath), Json)
                : null;
        }
        catch (Exception failure) when (failure is IOException or JsonException)
        {
            return null;
        }
    }

    public void Write(KeptTokens tokens)
    {
        var directory = Path.GetDirectoryName(FilePath)!;
        Directory.CreateDirectory(directory);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(
                directory,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            );
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(FilePath, options);
        JsonSerializer.Serialize(stream, tokens, Json);
    }

    public void Delete() => File.Delete(FilePath);
}
