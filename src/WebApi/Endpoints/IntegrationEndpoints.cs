using Ledger.Application.Partners;
using Ledger.Application.Partners.Commands.GrantIntegration;
using Ledger.Application.Partners.Commands.RevokeIntegrationGrant;
using Ledger.Application.Partners.Queries.ListIntegrationGrants;
using Ledger.Domain.Common;
using Ledger.WebApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Endpoints;

/// <summary>A group's integration grants: which partner clients may act on it. Owners only.</summary>
public static class IntegrationEndpoints
{
    public static RouteGroupBuilder MapIntegrationEndpoints(this RouteGroupBuilder api)
    {
        var integrations = api.MapGroup("/groups/{groupId:guid}/integrations")
            .WithTags("Integrations");
        integrations.MapPost("/", GrantIntegration);
        integrations.MapGet("/", ListIntegrationGrants);
        integrations.MapDelete("/{grantId:guid}", RevokeIntegrationGrant);
        return integrations;
    }

    public static Task<Created<IntegrationGrantDto>> GrantIntegration(
        GroupId groupId,
        GrantIntegrationRequest body,
        ApiCall call
    ) =>
        call.Created(
            new GrantIntegration(groupId, body.ClientId, body.Scopes),
            grant => $"/api/v1/groups/{groupId}/integrations/{grant.Id}"
        );

    public static Task<Ok<IReadOnlyList<IntegrationGrantDto>>> ListIntegrationGrants(
        GroupId groupId,
        ApiCall call
    ) => call.Ok(new ListIntegrationGrants(groupId));

    public static Task<NoContent> RevokeIntegrationGrant(
        GroupId groupId,
        IntegrationGrantId grantId,
        ApiCall call
    ) => call.NoContent(new RevokeIntegrationGrant(groupId, grantId));
}

public sealed record GrantIntegrationRequest(string ClientId, IReadOnlyList<string> Scopes);
