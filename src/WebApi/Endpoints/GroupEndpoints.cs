using Ledger.Application.Groups;
using Ledger.Application.Groups.Commands.CreateGroup;
using Ledger.Application.Groups.Queries.GetGroup;
using Ledger.Domain.Common;
using Ledger.WebApi.Http;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Endpoints;

/// <summary>Groups and their membership. Each handler sends one use case through the mediator.</summary>
public static class GroupEndpoints
{
    public static RouteGroupBuilder MapGroupEndpoints(this RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/groups").WithTags("Groups");
        groups.MapPost("/", CreateGroup).Named(nameof(CreateGroup));
        groups.MapGet("/{groupId:guid}", GetGroup).Named(nameof(GetGroup));
        return groups;
    }

    public static async Task<Created<GroupDto>> CreateGroup(
        CreateGroupRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var group = await sender.Send(
            new CreateGroup(body.Name, body.DefaultCurrency, body.TimeZone),
            cancellationToken
        );
        EntityTags.Set(http, group.Version);
        return TypedResults.Created($"/api/v1/groups/{group.Id}", group);
    }

    public static async Task<Ok<GroupDto>> GetGroup(
        Guid groupId,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var group = await sender.Send(new GetGroup(new GroupId(groupId)), cancellationToken);
        EntityTags.Set(http, group.Version);
        return TypedResults.Ok(group);
    }
}

/// <summary>What a client may send to create a group; nothing else binds.</summary>
public sealed record CreateGroupRequest(string Name, string DefaultCurrency, string TimeZone);
