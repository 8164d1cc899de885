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

    public static Task<Ok<Page<GroupDto>>> ListMyGroups(
        ApiCall call,
        int? limit = null,
        string? cursor = null,
        bool includeArchived = false
    ) => call.Ok(new ListMyGroups(limit, cursor, includeArchived));

    public static Task<Created<GroupDto>> CreateGroup(CreateGroupRequest body, ApiCall call) =>
        call.Created(
            new CreateGroup(body.Name, body.DefaultCurrency, body.TimeZone),
            group => $"/api/v1/groups/{group.Id}"
        );

    public static Task<Ok<GroupDto>> GetGroup(Guid groupId, ApiCall call) =>
        call.Ok(new GetGroup(GroupId.From(groupId)));

    public static Task<Ok<GroupDto>> UpdateGroupSettings(
        Guid groupId,
        UpdateGroupSettingsRequest body,
        ApiCall call
    ) =>
        call.Ok(
            new UpdateGroupSettings(
                GroupId.From(groupId),
                body.Name,
                body.DefaultCurrency,
                body.TimeZone,
                call.ExpectedVersion(body.Version)
            )
        );

    public static Task<Created<CreatedInviteDto>> CreateInvite(
        Guid groupId,
        CreateInviteRequest body,
        ApiCall call
    ) =>
        call.Created(
            new CreateInvite(GroupId.From(groupId), body.ExpiresAt, body.MaxUses),
            invite => $"/api/v1/groups/{groupId}/invites/{invite.Id}"
        );

    public static Task<Ok<Page<InviteDto>>> ListInvites(
        Guid groupId,
        ApiCall call,
        int? limit = null,
        string? cursor = null
    ) => call.Ok(new ListInvites(GroupId.From(groupId), limit, cursor));

    public static Task<Ok<InviteDto>> RevokeInvite(Guid groupId, Guid inviteId, ApiCall call) =>
        call.Ok(new RevokeInvite(GroupId.From(groupId), InviteId.From(inviteId)));

    public static Task<Ok<GroupDto>> JoinGroup(JoinGroupRequest body, ApiCall call) =>
        call.Ok(new JoinGroup(body.Code));

    public static Task<Ok<Page<MemberDto>>> ListMembers(
        Guid groupId,
        ApiCall call,
        int? limit = null,
        string? cursor = null
    ) => call.Ok(new ListMembers(GroupId.From(groupId), limit, cursor));

    public static Task<Ok<MemberDto>> ChangeMemberRole(
        Guid groupId,
        Guid userId,
        ChangeMemberRoleRequest body,
        ApiCall call
    ) => call.Ok(new ChangeMemberRole(GroupId.From(groupId), UserId.From(userId), body.Role));

    public static Task<NoContent> RemoveMember(Guid groupId, Guid userId, ApiCall call) =>
        call.NoContent(new RemoveMember(GroupId.From(groupId), UserId.From(userId)));

    public static Task<Ok<GroupDto>> TransferOwnership(
        Guid groupId,
        TransferOwnershipRequest body,
        ApiCall call
    ) => call.Ok(new TransferOwnership(GroupId.From(groupId), UserId.From(body.NewOwnerId)));

    public static Task<Ok<LeftGroupDto>> LeaveGroup(Guid groupId, ApiCall call) =>
        call.Ok(new LeaveGroup(GroupId.From(groupId)));

    public static Task<Ok<GroupDto>> RestoreArchivedGroup(Guid groupId, ApiCall call) =>
        call.Ok(new RestoreArchivedGroup(GroupId.From(groupId)));

    public static async Task<Created<GroupDeletionConfirmationDto>> RequestGroupDeletion(
        Guid groupId,
        ApiCall call
    ) =>
        TypedResults.Created(
            (string?)null,
            await call.Send(new RequestGroupDeletion(GroupId.From(groupId)))
        );

    public static Task<NoContent> DeleteGroup(
        Guid groupId,
        [FromBody] DeleteGroupRequest body,
        ApiCall call
    ) =>
        call.NoContent(
            new DeleteGroup(
                GroupId.From(groupId),
                body.ConfirmationToken,
                body.ConfirmationName,
                call.ExpectedVersion(body.Version)
            )
        );

    public static Task<Ok<GroupDto>> RestoreDeletedGroup(Guid groupId, ApiCall call) =>
        call.Ok(new RestoreDeletedGroup(GroupId.From(groupId)));
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
