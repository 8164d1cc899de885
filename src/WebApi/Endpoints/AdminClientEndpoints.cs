using Ledger.Application.Partners;
using Ledger.Application.Partners.Commands.CreatePartnerClient;
using Ledger.Application.Partners.Commands.DisablePartnerClient;
using Ledger.Application.Partners.Commands.RotatePartnerClientSecret;
using Ledger.WebApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Endpoints;

/// <summary>
/// Platform admins manage integration partners' OAuth clients. Everyone else gets 404 from the
/// use cases (IRequirePlatformAdmin): the admin API does not reveal itself.
/// </summary>
public static class AdminClientEndpoints
{
    public static RouteGroupBuilder MapAdminClientEndpoints(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/admin/clients").WithTags("Admin");
        clients.MapPost("/", CreatePartnerClient);
        clients.MapPost("/{clientId}/secret", RotatePartnerClientSecret);
        clients.MapPost("/{clientId}/disable", DisablePartnerClient);
        return clients;
    }

    /// <summary>The answer holds the client secret, the only time it is ever shown.</summary>
    public static async Task<Created<PartnerClientCredentials>> CreatePartnerClient(
        CreatePartnerClientRequest body,
        ApiCall call,
        HttpContext http
    )
    {
        var created = await call.Send(new CreatePartnerClient(body.DisplayName, body.Scopes));
        NoStore(http);
        return TypedResults.Created($"/api/v1/admin/clients/{created.ClientId}", created);
    }

    /// <summary>The old secret stops working at once; the new one is shown only here.</summary>
    public static async Task<Ok<PartnerClientCredentials>> RotatePartnerClientSecret(
        string clientId,
        ApiCall call,
        HttpContext http
    )
    {
        var rotated = await call.Send(new RotatePartnerClientSecret(clientId));
        NoStore(http);
        return TypedResults.Ok(rotated);
    }

    public static Task<NoContent> DisablePartnerClient(string clientId, ApiCall call) =>
        call.NoContent(new DisablePartnerClient(clientId));

    // A secret must not stay in any cache between the API and the admin.
    private static void NoStore(HttpContext http) =>
        http.Response.Headers.CacheControl = "no-store";
}

public sealed record CreatePartnerClientRequest(string DisplayName, IReadOnlyList<string> Scopes);
