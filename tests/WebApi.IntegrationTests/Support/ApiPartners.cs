using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using Ledger.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.WebApi.IntegrationTests.Support;

/// <summary>
/// Platform admins and partner clients as operators and partners make them: the admin is a
/// user whose id the test host lists in <c>Admin:UserIds</c>; clients are created through the
/// admin API and get tokens with client credentials at the token endpoint.
/// </summary>
public static class ApiPartners
{
    /// <summary>The one admin id the test hosts are configured with (no admin exists by default).</summary>
    public static readonly Guid AdminUserId = new("0193a1b2-0000-7000-8000-00000000ad01");

    public static void ConfigureAdmin(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.UseSetting("Admin:UserIds:0", AdminUserId.ToString());

    /// <summary>Creates the configured admin user (the database is reset before each test) and signs them in.</summary>
    public static async Task<ApiUser> SignUpAdminAsync(WebApplicationFactory<Program>? host = null)
    {
        var email = Pii.Email();
        var password = Pii.Password();
        await using (var scope = (host ?? ApiHost.Factory).Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IIdentityService>();
            var result = await identity.CreateUserAsync(
                new NewUser(UserId.From(AdminUserId), email, password, Pii.Name()),
                DateTimeOffset.UtcNow,
                CancellationToken.None
            );
            if (result.Outcome != RegistrationOutcome.Created)
            {
                throw new InvalidOperationException(
                    $"The admin was not created: {result.Outcome}."
                );
            }
        }

        return await ApiUsers.SignInAsync(email, password, host);
    }

    /// <summary>Creates a partner client through the admin API.</summary>
    public static async Task<PartnerClient> CreateClientAsync(ApiUser admin, params string[] scopes)
    {
        using var response = await admin.HttpClient.PostAsJsonAsync(
            "/api/v1/admin/clients",
            new { displayName = Pii.Text("partner"), scopes }
        );
        var created = await ReadAsync<PartnerClient>(response, HttpStatusCode.Created);
        return created;
    }

    /// <summary>The token endpoint's answer to a client credentials request.</summary>
    public static async Task<HttpResponseMessage> RequestTokenAsync(
        string clientId,
        string clientSecret,
        string? scope = null,
        WebApplicationFactory<Program>? host = null
    )
    {
        using var client = ApiUsers.AnonymousClient(host);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync("/connect/token", content);
    }

    /// <summary>An access token for the client, with the scopes asked for (all allowed when null).</summary>
    public static async Task<string> TokenAsync(
        PartnerClient client,
        string? scope = null,
        WebApplicationFactory<Program>? host = null
    )
    {
        using var response = await RequestTokenAsync(
            client.ClientId,
            client.ClientSecret,
            scope,
            host
        );
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException(
                $"The token endpoint answered {(int)response.StatusCode}: {text}"
            );
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>An <see cref="HttpClient"/> calling the API as the partner.</summary>
    public static async Task<HttpClient> HttpClientAsync(
        PartnerClient client,
        string? scope = null,
        WebApplicationFactory<Program>? host = null
    ) => ApiUsers.ClientWith(await TokenAsync(client, scope, host), host);

    /// <summary>The group's owner grants the client access with these scopes; returns the grant id.</summary>
    public static async Task<Guid> GrantAsync(
        ApiUser owner,
        Guid groupId,
        string clientId,
        params string[] scopes
    )
    {
        using var response = await owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{groupId}/integrations",
            new { clientId, scopes }
        );
        var grant = await ReadAsync<JsonElement>(response, HttpStatusCode.Created);
        return grant.GetProperty("id").GetGuid();
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}"
            );
        }

        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}

/// <summary>A partner client's credentials as the admin API showed them, once.</summary>
public sealed record PartnerClient(string ClientId, string ClientSecret);
