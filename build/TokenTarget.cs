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
/// the access token alone on stdout, so that <c>TOKEN=$(./build.sh token)</c> works.
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
            var accessToken = await SignInAsync(http, login, clientId, redirectUri);
            Console.Error.WriteLine($"Access token for {login.Email} ({login.DisplayName}):");
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

    private static async Task<string> SignInAsync(
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
            throw new BuildException(
                "The demo user could not sign in. If the database was reset, run ./build.sh run again: it re-seeds the demo users."
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
        using var body = JsonDocument.Parse(await tokens.Content.ReadAsStringAsync());
        return tokens.IsSuccessStatusCode
            ? body.RootElement.GetProperty("access_token").GetString()!
            : throw new BuildException(
                $"The token endpoint refused: {body.RootElement.GetProperty("error").GetString()}."
            );
    }

    private static Uri RedirectTarget(HttpClient http, HttpResponseMessage response, string step)
    {
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is null)
            {
                throw new BuildException(
                    $"Expected a redirect from the {step} step, got {(int)response.StatusCode}."
                );
            }

            var location = response.Headers.Location;
            return location.IsAbsoluteUri ? location : new Uri(http.BaseAddress!, location);
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
