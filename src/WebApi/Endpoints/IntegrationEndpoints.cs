using Ledger.Application.Partners;
using Ledger.Application.Partners.Commands.GrantIntegration;
using Ledger.Application.Partners.Commands.RevokeIntegrationGrant;
using Ledger.Application.Partners.Queries.ListIntegrationGrants;
using Ledger.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Endpoints;

/// <summary>A group's integration grants: which partner clients may act on it. Owners only.</summary>
public static class IntegrationEndpoints
{
    public static RouteGroupBuilder MapIntegrationEndpoints(this RouteGroupBuilder api)
    {
        var integrations = api.MapGroup("/groups/{groupId:guid}/integrations")
            .WithTags("Integrations");
        integrations.MapPost("/", GrantIntegration).Named(nameof(GrantIntegration));
        integrations.MapGet("/", ListIntegrationGrants).Named(nameof(ListIntegrationGrants));
        integrations
            .MapDelete("/{grantId:guid}", RevokeIntegrationGrant)
            .Named(nameof(RevokeIntegrationGrant));
        return integrations;
    }

    public static async Task<Created<IntegrationGrantDto>> GrantIntegration(
        Guid groupId,
        GrantIntegrationRequest body,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        var grant = await sender.Send(
            new GrantIntegration(GroupId.From(groupId), body.ClientId, body.Scopes),
            cancellationToken
        );
        return TypedResults.Created($"/api/v1/groups/{groupId}/integrations/{grant.Id}", grant);
    }

    public static async Task<Ok<IReadOnlyList<IntegrationGrantDto>>> ListIntegrationGrants(
        Guid groupId,
        ISender sender,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            await sender.Send(new ListIntegrationGrants(GroupId.From(groupId)), cancellationToken)
        );

    public static async Task<NoContent> RevokeIntegrationGrant(
        Guid groupId,
        Guid grantId,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        await sender.Send(
            new RevokeIntegrationGrant(GroupId.From(groupId), IntegrationGrantId.From(grantId)),
            cancellationToken
        );
        return TypedResults.NoContent();
    }
}

public sealed record GrantIntegrationRequest(string ClientId, IReadOnlyList<string> Scopes);
