using Ledger.Application.Chores;
using Ledger.Application.Chores.Commands.ArchiveChore;
using Ledger.Application.Chores.Commands.CompleteChoreAssignment;
using Ledger.Application.Chores.Commands.CreateChore;
using Ledger.Application.Chores.Commands.ReassignChoreAssignment;
using Ledger.Application.Chores.Commands.ReopenChoreAssignment;
using Ledger.Application.Chores.Commands.SkipChoreAssignment;
using Ledger.Application.Chores.Commands.UnarchiveChore;
using Ledger.Application.Chores.Commands.UpdateChore;
using Ledger.Application.Chores.Queries.GetChore;
using Ledger.Application.Chores.Queries.GetChoreHistory;
using Ledger.Application.Chores.Queries.ListChoreAssignments;
using Ledger.Application.Chores.Queries.ListChores;
using Ledger.Application.Common.Paging;
using Ledger.Application.Common.QueryStrings;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using Ledger.WebApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Endpoints;

/// <summary>
/// Chores, personal and group alike: ONE set of endpoints (docs/requirements.md A8); the chore's type
/// decides who may use it, and the same rule covers its assignments and its history (docs/requirements.md A7).
/// A chore's ETag is its version; an assignment's ETag is the assignment's version.
/// </summary>
public static class ChoreEndpoints
{
    public static RouteGroupBuilder MapChoreEndpoints(this RouteGroupBuilder api)
    {
        var chores = api.MapGroup("/chores").WithTags("Chores");
        chores.MapGet("/", ListChores);
        chores.MapPost("/", CreateChore);
        chores.MapGet("/{choreId:guid}", GetChore);
        chores.MapPut("/{choreId:guid}", UpdateChore);
        chores.MapPost("/{choreId:guid}/archive", ArchiveChore);
        chores.MapPost("/{choreId:guid}/unarchive", UnarchiveChore);
        chores.MapGet("/{choreId:guid}/history", GetChoreHistory);
        chores.MapGet("/{choreId:guid}/assignments", ListChoreAssignments);
        var assignment = chores.MapGroup("/{choreId:guid}/assignments/{assignmentId:guid}");
        assignment.MapPost("/complete", CompleteChoreAssignment);
        assignment.MapPost("/reopen", ReopenChoreAssignment);
        assignment.MapPost("/skip", SkipChoreAssignment);
        assignment.MapPost("/reassign", ReassignChoreAssignment);
        return chores;
    }

    /// <summary>The caller's personal chores, or with <c>groupId</c> the group's chores.</summary>
    public static Task<Ok<Page<ChoreDto>>> ListChores(
        ApiCall call,
        GroupId? groupId = null,
        bool includeArchived = false,
        int? limit = null,
        string? cursor = null
    ) => call.Ok(new ListChores(groupId, includeArchived, limit, cursor));

    public static Task<Created<ChoreDto>> CreateChore(CreateChoreRequest body, ApiCall call) =>
        call.Created(
            new CreateChore(
                body.Name,
                body.Frequency,
                body.Rotation,
                body.GroupId.ToGroupId(),
                body.Description,
                body.ParticipantIds?.Select(id => UserId.From(id)).ToList(),
                body.FirstDueDate,
                body.TimeZone
            ),
            chore => $"/api/v1/chores/{chore.Id}"
        );

    public static Task<Ok<ChoreDto>> GetChore(ChoreId choreId, ApiCall call) =>
        call.Ok(new GetChore(choreId));

    public static Task<Ok<ChoreDto>> UpdateChore(
        ChoreId choreId,
        UpdateChoreRequest body,
        ApiCall call
    ) =>
        call.Ok(
            new UpdateChore(
                choreId,
                body.Name,
                body.Frequency,
                body.Rotation,
                call.ExpectedVersion(body.Version),
                body.Description,
                body.ParticipantIds?.Select(id => UserId.From(id)).ToList(),
                body.TimeZone
            )
        );

    public static Task<Ok<ChoreDto>> ArchiveChore(
        ChoreId choreId,
        VersionRequest? body,
        ApiCall call
    ) => call.Ok(new ArchiveChore(choreId, call.ExpectedVersion(body?.Version)));

    public static Task<Ok<ChoreDto>> UnarchiveChore(
        ChoreId choreId,
        VersionRequest? body,
        ApiCall call
    ) => call.Ok(new UnarchiveChore(choreId, call.ExpectedVersion(body?.Version)));

    /// <summary>The chore's history, newest first; with <c>assignmentId</c>, one assignment's.</summary>
    public static Task<Ok<Page<ChoreEventDto>>> GetChoreHistory(
        ChoreId choreId,
        ApiCall call,
        ChoreAssignmentId? assignmentId = null,
        int? limit = null,
        string? cursor = null
    ) => call.Ok(new GetChoreHistory(choreId, assignmentId, limit, cursor));

    /// <summary>The chore's assignments, latest due date first; optionally one status (open, completed, skipped).</summary>
    public static Task<Ok<Page<AssignmentDto>>> ListChoreAssignments(
        ChoreId choreId,
        ApiCall call,
        string? status = null,
        int? limit = null,
        string? cursor = null
    ) =>
        call.Ok(
            new ListChoreAssignments(
                choreId,
                QueryValue.Enum<AssignmentStatus>(status),
                limit,
                cursor
            )
        );

    public static Task<Ok<AssignmentDto>> CompleteChoreAssignment(
        ChoreId choreId,
        ChoreAssignmentId assignmentId,
        VersionRequest? body,
        ApiCall call
    ) =>
        call.Ok(
            new CompleteChoreAssignment(choreId, assignmentId, call.ExpectedVersion(body?.Version))
        );

    public static Task<Ok<AssignmentDto>> ReopenChoreAssignment(
        ChoreId choreId,
        ChoreAssignmentId assignmentId,
        VersionRequest? body,
        ApiCall call
    ) =>
        call.Ok(
            new ReopenChoreAssignment(choreId, assignmentId, call.ExpectedVersion(body?.Version))
        );

    public static Task<Ok<AssignmentDto>> SkipChoreAssignment(
        ChoreId choreId,
        ChoreAssignmentId assignmentId,
        VersionRequest? body,
        ApiCall call
    ) =>
        call.Ok(
            new SkipChoreAssignment(choreId, assignmentId, call.ExpectedVersion(body?.Version))
        );

    public static Task<Ok<AssignmentDto>> ReassignChoreAssignment(
        ChoreId choreId,
        ChoreAssignmentId assignmentId,
        ReassignChoreAssignmentRequest body,
        ApiCall call
    ) =>
        call.Ok(
            new ReassignChoreAssignment(
                choreId,
                assignmentId,
                UserId.From(body.AssigneeId),
                call.ExpectedVersion(body.Version)
            )
        );
}

// What clients may send; nothing else binds.

public sealed record CreateChoreRequest(
    string Name,
    FrequencyDto Frequency,
    ChoreRotation Rotation = ChoreRotation.RoundRobin,
    Guid? GroupId = null,
    string? Description = null,
    IReadOnlyList<Guid>? ParticipantIds = null,
    DateOnly? FirstDueDate = null,
    string? TimeZone = null
);

public sealed record UpdateChoreRequest(
    string Name,
    FrequencyDto Frequency,
    ChoreRotation Rotation,
    string? Description = null,
    IReadOnlyList<Guid>? ParticipantIds = null,
    string? TimeZone = null,
    int? Version = null
);

public sealed record ReassignChoreAssignmentRequest(Guid AssigneeId, int? Version = null);
