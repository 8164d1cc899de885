using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ledger.Domain.Common;
using Ledger.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ledger.WebApi.IntegrationTests.Support;

/// <summary>
/// Users of the API as a frontend would make them: registered through the registration
/// endpoint, signed in through the real authorization code + PKCE flow, calling the API with
/// the bearer token they got. Personal data comes from <see cref="Pii"/>.
/// </summary>
/// <example>
/// <code>
/// var alice = await ApiUsers.SignUpAsync();
/// using var response = await alice.HttpClient.GetAsync("/api/v1/me");
/// </code>
/// </example>
public static class ApiUsers
{
    /// <summary>A new user, signed in. Each call makes a different user.</summary>
    public static async Task<ApiUser> SignUpAsync(WebApplicationFactory<Program>? host = null)
    {
        var email = Pii.Email();
        var password = Pii.Password();
        var displayName = Pii.Name();
        var id = await RegisterAsync(email, password, displayName, host);
        using var browser = new Browser(host);
        var tokens = await AuthorizationCodeFlow.SignInAsync(email, password, browser);
        return new ApiUser(
            id,
            email,
            password,
            displayName,
            tokens,
            ClientWith(tokens.AccessToken, host)
        );
    }

    /// <summary>Signs in an existing user again (new tokens, new client).</summary>
    public static async Task<ApiUser> SignInAsync(
        string email,
        string password,
        WebApplicationFactory<Program>? host = null
    )
    {
        using var browser = new Browser(host);
        var tokens = await AuthorizationCodeFlow.SignInAsync(email, password, browser);
        var client = ClientWith(tokens.AccessToken, host);
        var me =
            await client.GetFromJsonAsync<MeResponse>("/api/v1/me")
            ?? throw new InvalidOperationException("GET /api/v1/me answered nothing.");
        return new ApiUser(UserId.From(me.Id), email, password, me.DisplayName, tokens, client);
    }

    /// <summary>Registers through POST /api/v1/auth/register and returns the new user's id.</summary>
    public static async Task<UserId> RegisterAsync(
        string email,
        string password,
        string displayName,
        WebApplicationFactory<Program>? host = null
    )
    {
        using var client = AnonymousClient(host);
        using var response = await client.PostAsJsonAsync(
            "/api/v1/auth/register",
            new
            {
                email,
                password,
                displayName,
            }
        );
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException(
                $"Registration answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}"
            );
        }

        var created =
            await response.Content.ReadFromJsonAsync<RegisteredResponse>()
            ?? throw new InvalidOperationException("Registration answered no id.");
        return UserId.From(created.Id);
    }

    /// <summary>A client without credentials (redirects not followed, so a 302 shows).</summary>
    public static HttpClient AnonymousClient(WebApplicationFactory<Program>? host = null) =>
        (host ?? ApiHost.Factory).CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }
        );

    /// <summary>A client that sends this access token as a bearer token.</summary>
    public static HttpClient ClientWith(
        string accessToken,
        WebApplicationFactory<Program>? host = null
    )
    {
        var client = AnonymousClient(host);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer",
            accessToken
        );
        return client;
    }

    private sealed record RegisteredResponse(Guid Id);

    private sealed record MeResponse(Guid Id, string DisplayName);
}

/// <summary>A signed-in user and an <see cref="HttpClient"/> that calls the API as them.</summary>
public sealed record ApiUser(
    UserId UserId,
    string Email,
    string Password,
    string DisplayName,
    TokenResponse Tokens,
    HttpClient HttpClient
) : IDisposable
{
    public void Dispose() => HttpClient.Dispose();
}
