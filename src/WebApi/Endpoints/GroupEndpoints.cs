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
        groups.MapGet("/", ListMyGroups);
        groups.MapPost("/", CreateGroup);
        groups.MapPost("/join", JoinGroup);
        groups.MapGet("/{groupId:guid}", GetGroup);
        groups.MapPut("/{groupId:guid}", UpdateGroupSettings);
        groups.MapPost("/{groupId:guid}/invites", CreateInvite);
        groups.MapGet("/{groupId:guid}/invites", ListInvites);
        groups.MapDelete("/{groupId:guid}/invites/{inviteId:guid}", RevokeInvite);
        groups.MapGet("/{groupId:guid}/members", ListMembers);
        groups.MapPut("/{groupId:guid}/members/{userId:guid}/role", ChangeMemberRole);
        groups.MapDelete("/{groupId:guid}/members/{userId:guid}", RemoveMember);
        groups.MapPost("/{groupId:guid}/ownership-transfer", TransferOwnership);
        groups.MapPost("/{groupId:guid}/leave", LeaveGroup);
        groups.MapPost("/{groupId:guid}/unarchive", RestoreArchivedGroup);
        groups.MapPost("/{groupId:guid}/deletion-requests", RequestGroupDeletion);
        groups.MapDelete("/{groupId:guid}", DeleteGroup);
        groups.MapPost("/{groupId:guid}/restore", RestoreDeletedGroup);
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

    public static Task<Ok<GroupDto>> GetGroup(GroupId groupId, ApiCall call) =>
        call.Ok(new GetGroup(groupId));

    public static Task<Ok<GroupDto>> UpdateGroupSettings(
        GroupId groupId,
        UpdateGroupSettingsRequest body,
        ApiCall call
    ) =>
        call.Ok(
            new UpdateGroupSettings(
                groupId,
                body.Name,
                body.DefaultCurrency,
                body.TimeZone,
                call.ExpectedVersion(body.Version)
            )
        );

    public static Task<Created<CreatedInviteDto>> CreateInvite(
        GroupId groupId,
        CreateInviteRequest body,
        ApiCall call
    ) =>
        call.Created(
            new CreateInvite(groupId, body.ExpiresAt, body.MaxUses),
            invite => $"/api/v1/groups/{groupId}/invites/{invite.Id}"
        );

    public static Task<Ok<Page<InviteDto>>> ListInvites(
        GroupId groupId,
        ApiCall call,
        int? limit = null,
        string? cursor = null
    ) => call.Ok(new ListInvites(groupId, limit, cursor));

    public static Task<Ok<InviteDto>> RevokeInvite(
        GroupId groupId,
        InviteId inviteId,
        ApiCall call
    ) => call.Ok(new RevokeInvite(groupId, inviteId));

    public static Task<Ok<GroupDto>> JoinGroup(JoinGroupRequest body, ApiCall call) =>
        call.Ok(new JoinGroup(body.Code));

    public static Task<Ok<Page<MemberDto>>> ListMembers(
        GroupId groupId,
        ApiCall call,
        int? limit = null,
        string? cursor = null
    ) => call.Ok(new ListMembers(groupId, limit, cursor));

    public static Task<Ok<MemberDto>> ChangeMemberRole(
        GroupId groupId,
        UserId userId,
        ChangeMemberRoleRequest body,
        ApiCall call
    ) => call.Ok(new ChangeMemberRole(groupId, userId, body.Role));

    public static Task<NoContent> RemoveMember(GroupId groupId, UserId userId, ApiCall call) =>
        call.NoContent(new RemoveMember(groupId, userId));

    public static Task<Ok<GroupDto>> TransferOwnership(
        GroupId groupId,
        TransferOwnershipRequest body,
        ApiCall call
    ) => call.Ok(new TransferOwnership(groupId, UserId.From(body.NewOwnerId)));

    public static Task<Ok<LeftGroupDto>> LeaveGroup(GroupId groupId, ApiCall call) =>
        call.Ok(new LeaveGroup(groupId));

    public static Task<Ok<GroupDto>> RestoreArchivedGroup(GroupId groupId, ApiCall call) =>
        call.Ok(new RestoreArchivedGroup(groupId));

    public static async Task<Created<GroupDeletionConfirmationDto>> RequestGroupDeletion(
        GroupId groupId,
        ApiCall call
    ) => TypedResults.Created((string?)null, await call.Send(new RequestGroupDeletion(groupId)));

    public static Task<NoContent> DeleteGroup(
        GroupId groupId,
        [FromBody] DeleteGroupRequest body,
        ApiCall call
    ) =>
        call.NoContent(
            new DeleteGroup(
                groupId,
                body.ConfirmationToken,
                body.ConfirmationName,
                call.ExpectedVersion(body.Version)
            )
        );

    public static Task<Ok<GroupDto>> RestoreDeletedGroup(GroupId groupId, ApiCall call) =>
        call.Ok(new RestoreDeletedGroup(groupId));
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
