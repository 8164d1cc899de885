using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Ledger.WebApi.IntegrationTests.Support;

/// <summary>
/// A user agent against the test host: keeps cookies like a browser, but does not follow
/// redirects, so each step of a sign-in can be looked at.
/// </summary>
public sealed partial class Browser : IDisposable
{
    /// <param name="host">The app host; <see cref="ApiHost.Factory"/> when null.</param>
    /// <param name="cookies">Cookies to carry over, e.g. to a restarted host; fresh when null.</param>
    public Browser(WebApplicationFactory<Program>? host = null, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        // The default client follows no redirects; the handler keeps cookies like a browser.
        Client = (host ?? ApiHost.Factory).CreateDefaultClient(new CookieContainerHandler(Cookies));
    }

    /// <summary>A browser over a client of the caller's, e.g. one speaking real HTTP to Kestrel.</summary>
    public Browser(HttpClient client, CookieContainer cookies)
    {
        Client = client;
        Cookies = cookies;
    }

    public HttpClient Client { get; }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(url);

    /// <summary>Opens the login page and reads its form: anti-forgery token and return URL.</summary>
    public async Task<LoginForm> OpenLoginPageAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The login page answered {response.StatusCode}.");
        }

        return LoginForm.Parse(html);
    }

    /// <summary>Submits the login form with these credentials, as the browser would.</summary>
    public Task<HttpResponseMessage> SubmitLoginAsync(
        LoginForm form,
        string email,
        string password
    ) =>
        Client.PostAsync(
            LoginForm.Action,
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    [form.AntiforgeryFieldName] = form.AntiforgeryToken,
                    ["returnUrl"] = form.ReturnUrl,
                    ["email"] = email,
                    ["password"] = password,
                }
            )
        );

    public void Dispose() => Client.Dispose();
}

/// <summary>What the login page's form carries, read from its HTML.</summary>
public sealed partial record LoginForm(
    string AntiforgeryFieldName,
    string AntiforgeryToken,
    string ReturnUrl,
    string Html
)
{
    public const string Action = "/account/login";

    public static LoginForm Parse(string html)
    {
        var antiforgery = AntiforgeryField().Match(html) is { Success: true } match
            ? match
            : throw new InvalidOperationException("The login page has no anti-forgery field.");
        var returnUrl = ReturnUrlField().Match(html);
        return new LoginForm(
            WebUtility.HtmlDecode(antiforgery.Groups["name"].Value),
            WebUtility.HtmlDecode(antiforgery.Groups["value"].Value),
            returnUrl.Success
                ? WebUtility.HtmlDecode(returnUrl.Groups["value"].Value)
                : string.Empty,
            html
        );
    }

    [GeneratedRegex(
        """<input type="hidden" name="(?<name>__RequestVerificationToken)" value="(?<value>[^"]*)">"""
    )]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("""<input type="hidden" name="returnUrl" value="(?<value>[^"]*)">""")]
    private static partial Regex ReturnUrlField();
}
