using Ledger.Application.Common.Paging;
using Ledger.Application.Groups;
using Ledger.Application.Groups.Commands.ChangeMemberRole;
using Ledger.Application.Groups.Commands.CreateGroup;
using Ledger.Application.Groups.Commands.CreateInvite;
using Ledger.Application.Groups.Commands.DeleteGroup;
using Ledger.Application.Groups.Commands.JoinGroup;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Application.Groups.Commands.RemoveMember;
using Ledger.Application.Groups.Commands.RequestGroupDeletion;
using Ledger.Application.Groups.Commands.RestoreArchivedGroup;
using Ledger.Application.Groups.Commands.RestoreDeletedGroup;
using Ledger.Application.Groups.Commands.RevokeInvite;
using Ledger.Application.Groups.Commands.TransferOwnership;
using Ledger.Application.Groups.Commands.UpdateGroupSettings;
using Ledger.Application.Groups.Queries.GetGroup;
using Ledger.Application.Groups.Queries.ListInvites;
using Ledger.Application.Groups.Queries.ListMembers;
using Ledger.Application.Groups.Queries.ListMyGroups;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Ledger.WebApi.Http;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.WebApi.Endpoints;

/// <summary>Groups and their membership. Each handler sends one use case through the mediator.</summary>
public static class GroupEndpoints
{
    public static RouteGroupBuilder MapGroupEndpoints(this RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/groups").WithTags("Groups");
        groups.MapGet("/", ListMyGroups).Named(nameof(ListMyGroups));
        groups.MapPost("/", CreateGroup).Named(nameof(CreateGroup));
        groups.MapPost("/join", JoinGroup).Named(nameof(JoinGroup));
        groups.MapGet("/{groupId:guid}", GetGroup).Named(nameof(GetGroup));
        groups.MapPut("/{groupId:guid}", UpdateGroupSettings).Named(nameof(UpdateGroupSettings));
        groups.MapPost("/{groupId:guid}/invites", CreateInvite).Named(nameof(CreateInvite));
        groups.MapGet("/{groupId:guid}/invites", ListInvites).Named(nameof(ListInvites));
        groups
            .MapDelete("/{groupId:guid}/invites/{inviteId:guid}", RevokeInvite)
            .Named(nameof(RevokeInvite));
        groups.MapGet("/{groupId:guid}/members", ListMembers).Named(nameof(ListMembers));
        groups
            .MapPut("/{groupId:guid}/members/{userId:guid}/role", ChangeMemberRole)
            .Named(nameof(ChangeMemberRole));
        groups
            .MapDelete("/{groupId:guid}/members/{userId:guid}", RemoveMember)
            .Named(nameof(RemoveMember));
        groups
            .MapPost("/{groupId:guid}/ownership-transfer", TransferOwnership)
            .Named(nameof(TransferOwnership));
        groups.MapPost("/{groupId:guid}/leave", LeaveGroup).Named(nameof(LeaveGroup));
        groups
            .MapPost("/{groupId:guid}/unarchive", RestoreArchivedGroup)
            .Named(nameof(RestoreArchivedGroup));
        groups
            .MapPost("/{groupId:guid}/deletion-requests", RequestGroupDeletion)
            .Named(nameof(RequestGroupDeletion));
        groups.MapDelete("/{groupId:guid}", DeleteGroup).Named(nameof(DeleteGroup));
        groups
            .MapPost("/{groupId:guid}/restore", RestoreDeletedGroup)
            .Named(nameof(RestoreDeletedGroup));
        return groups;
    }

    public static async Task<Ok<Page<GroupDto>>> ListMyGroups(
        ISender sender,
        CancellationToken cancellationToken,
        int? limit = null,
        string? cursor = null,
        bool includeArchived = false
    ) =>
        TypedResults.Ok(
            await sender.Send(new ListMyGroups(limit, cursor, includeArchived), cancellationToken)
        );

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
    ) => WithETag(http, await sender.Send(new GetGroup(GroupId.From(groupId)), cancellationToken));

    public static async Task<Ok<GroupDto>> UpdateGroupSettings(
        Guid groupId,
        UpdateGroupSettingsRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body.Version);
        var command = new UpdateGroupSettings(
            GroupId.From(groupId),
            body.Name,
            body.DefaultCurrency,
            body.TimeZone,
            expected
        );
        return WithETag(http, await sender.Send(command, cancellationToken));
    }

    public static async Task<Created<CreatedInviteDto>> CreateInvite(
        Guid groupId,
        CreateInviteRequest body,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        var invite = await sender.Send(
            new CreateInvite(GroupId.From(groupId), body.ExpiresAt, body.MaxUses),
            cancellationToken
        );
        return TypedResults.Created($"/api/v1/groups/{groupId}/invites/{invite.Id}", invite);
    }

    public static async Task<Ok<Page<InviteDto>>> ListInvites(
        Guid groupId,
        ISender sender,
        CancellationToken cancellationToken,
        int? limit = null,
        string? cursor = null
    ) =>
        TypedResults.Ok(
            await sender.Send(
                new ListInvites(GroupId.From(groupId), limit, cursor),
                cancellationToken
            )
        );

    public static async Task<Ok<InviteDto>> RevokeInvite(
        Guid groupId,
        Guid inviteId,
        ISender sender,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            await sender.Send(
                new RevokeInvite(GroupId.From(groupId), InviteId.From(inviteId)),
                cancellationToken
            )
        );

    public static async Task<Ok<GroupDto>> JoinGroup(
        JoinGroupRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    ) => WithETag(http, await sender.Send(new JoinGroup(body.Code), cancellationToken));

    public static async Task<Ok<Page<MemberDto>>> ListMembers(
        Guid groupId,
        ISender sender,
        CancellationToken cancellationToken,
        int? limit = null,
        string? cursor = null
    ) =>
        TypedResults.Ok(
            await sender.Send(
                new ListMembers(GroupId.From(groupId), limit, cursor),
                cancellationToken
            )
        );

    public static async Task<Ok<MemberDto>> ChangeMemberRole(
        Guid groupId,
        Guid userId,
        ChangeMemberRoleRequest body,
        ISender sender,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            await sender.Send(
                new ChangeMemberRole(GroupId.From(groupId), UserId.From(userId), body.Role),
                cancellationToken
            )
        );

    public static async Task<NoContent> RemoveMember(
        Guid groupId,
        Guid userId,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        await sender.Send(
            new RemoveMember(GroupId.From(groupId), UserId.From(userId)),
            cancellationToken
        );
        return TypedResults.NoContent();
    }

    public static async Task<Ok<GroupDto>> TransferOwnership(
        Guid groupId,
        TransferOwnershipRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    ) =>
        WithETag(
            http,
            await sender.Send(
                new TransferOwnership(GroupId.From(groupId), UserId.From(body.NewOwnerId)),
                cancellationToken
            )
        );

    public static async Task<Ok<LeftGroupDto>> LeaveGroup(
        Guid groupId,
        ISender sender,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            await sender.Send(new LeaveGroup(GroupId.From(groupId)), cancellationToken)
        );

    public static async Task<Ok<GroupDto>> RestoreArchivedGroup(
        Guid groupId,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    ) =>
        WithETag(
            http,
            await sender.Send(new RestoreArchivedGroup(GroupId.From(groupId)), cancellationToken)
        );

    public static async Task<Created<GroupDeletionConfirmationDto>> RequestGroupDeletion(
        Guid groupId,
        ISender sender,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Created(
            (string?)null,
            await sender.Send(new RequestGroupDeletion(GroupId.From(groupId)), cancellationToken)
        );

    public static async Task<NoContent> DeleteGroup(
        Guid groupId,
        [FromBody] DeleteGroupRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body.Version);
        await sender.Send(
            new DeleteGroup(
                GroupId.From(groupId),
                body.ConfirmationToken,
                body.ConfirmationName,
                expected
            ),
            cancellationToken
        );
        return TypedResults.NoContent();
    }

    public static async Task<Ok<GroupDto>> RestoreDeletedGroup(
        Guid groupId,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    ) =>
        WithETag(
            http,
            await sender.Send(new RestoreDeletedGroup(GroupId.From(groupId)), cancellationToken)
        );

    private static Ok<GroupDto> WithETag(HttpContext http, GroupDto group)
    {
        EntityTags.Set(http, group.Version);
        return TypedResults.Ok(group);
    }
}

// What clients may send; nothing else binds (no group ids, roles or versions smuggled in).

public sealed record CreateGroupRequest(string Name, string DefaultCurrency, string TimeZone);

public sealed record UpdateGroupSettingsRequest(
    string Name,
    string DefaultCurrency,
    string TimeZone,
    int? Version = null
);

public sealed record CreateInviteRequest(DateTimeOffset ExpiresAt, int MaxUses);

public sealed record JoinGroupRequest(string Code);

public sealed record ChangeMemberRoleRequest(GroupRole Role);

public sealed record TransferOwnershipRequest(Guid NewOwnerId);

public sealed record DeleteGroupRequest(
    string ConfirmationToken,
    string ConfirmationName,
    int? Version = null
);
