using FluentValidation;
using FluentValidation.Results;
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
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using Ledger.WebApi.Http;
using Mediator;
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
        chores.MapGet("/", ListChores).Named(nameof(ListChores));
        chores.MapPost("/", CreateChore).Named(nameof(CreateChore));
        chores.MapGet("/{choreId:guid}", GetChore).Named(nameof(GetChore));
        chores.MapPut("/{choreId:guid}", UpdateChore).Named(nameof(UpdateChore));
        chores.MapPost("/{choreId:guid}/archive", ArchiveChore).Named(nameof(ArchiveChore));
        chores.MapPost("/{choreId:guid}/unarchive", UnarchiveChore).Named(nameof(UnarchiveChore));
        chores.MapGet("/{choreId:guid}/history", GetChoreHistory).Named(nameof(GetChoreHistory));
        chores
            .MapGet("/{choreId:guid}/assignments", ListChoreAssignments)
            .Named(nameof(ListChoreAssignments));
        var assignment = chores.MapGroup("/{choreId:guid}/assignments/{assignmentId:guid}");
        assignment
            .MapPost("/complete", CompleteChoreAssignment)
            .Named(nameof(CompleteChoreAssignment));
        assignment.MapPost("/reopen", ReopenChoreAssignment).Named(nameof(ReopenChoreAssignment));
        assignment.MapPost("/skip", SkipChoreAssignment).Named(nameof(SkipChoreAssignment));
        assignment
            .MapPost("/reassign", ReassignChoreAssignment)
            .Named(nameof(ReassignChoreAssignment));
        return chores;
    }

    /// <summary>The caller's personal chores, or with <c>groupId</c> the group's chores.</summary>
    public static async Task<Ok<Page<ChoreDto>>> ListChores(
        ISender sender,
        CancellationToken cancellationToken,
        Guid? groupId = null,
        bool includeArchived = false,
        int? limit = null,
        string? cursor = null
    ) =>
        TypedResults.Ok(
            await sender.Send(
                new ListChores(
                    groupId is { } id ? GroupId.From(id) : null,
                    includeArchived,
                    limit,
                    cursor
                ),
                cancellationToken
            )
        );

    public static async Task<Created<ChoreDto>> CreateChore(
        CreateChoreRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var chore = await sender.Send(
            new CreateChore(
                body.Name,
                body.Frequency,
                body.Rotation,
                body.GroupId is { } groupId ? GroupId.From(groupId) : null,
                body.Description,
                body.ParticipantIds?.Select(id => UserId.From(id)).ToList(),
                body.FirstDueDate,
                body.TimeZone
            ),
            cancellationToken
        );
        EntityTags.Set(http, chore.Version);
        return TypedResults.Created($"/api/v1/chores/{chore.Id}", chore);
    }

    public static async Task<Ok<ChoreDto>> GetChore(
        Guid choreId,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    ) => WithETag(http, await sender.Send(new GetChore(ChoreId.From(choreId)), cancellationToken));

    public static async Task<Ok<ChoreDto>> UpdateChore(
        Guid choreId,
        UpdateChoreRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body.Version);
        return WithETag(
            http,
            await sender.Send(
                new UpdateChore(
                    ChoreId.From(choreId),
                    body.Name,
                    body.Frequency,
                    body.Rotation,
                    expected,
                    body.Description,
                    body.ParticipantIds?.Select(id => UserId.From(id)).ToList(),
                    body.TimeZone
                ),
                cancellationToken
            )
        );
    }

    public static async Task<Ok<ChoreDto>> ArchiveChore(
        Guid choreId,
        VersionRequest? body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body?.Version);
        return WithETag(
            http,
            await sender.Send(new ArchiveChore(ChoreId.From(choreId), expected), cancellationToken)
        );
    }

    public static async Task<Ok<ChoreDto>> UnarchiveChore(
        Guid choreId,
        VersionRequest? body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body?.Version);
        return WithETag(
            http,
            await sender.Send(
                new UnarchiveChore(ChoreId.From(choreId), expected),
                cancellationToken
            )
        );
    }

    /// <summary>The chore's history, newest first; with <c>assignmentId</c>, one assignment's.</summary>
    public static async Task<Ok<Page<ChoreEventDto>>> GetChoreHistory(
        Guid choreId,
        ISender sender,
        CancellationToken cancellationToken,
        Guid? assignmentId = null,
        int? limit = null,
        string? cursor = null
    ) =>
        TypedResults.Ok(
            await sender.Send(
                new GetChoreHistory(
                    ChoreId.From(choreId),
                    assignmentId is { } id ? ChoreAssignmentId.From(id) : null,
                    limit,
                    cursor
                ),
                cancellationToken
            )
        );

    /// <summary>The chore's assignments, latest due date first; optionally one status (open, completed, skipped).</summary>
    public static async Task<Ok<Page<AssignmentDto>>> ListChoreAssignments(
        Guid choreId,
        ISender sender,
        CancellationToken cancellationToken,
        string? status = null,
        int? limit = null,
        string? cursor = null
    ) =>
        TypedResults.Ok(
            await sender.Send(
                new ListChoreAssignments(ChoreId.From(choreId), StatusFrom(status), limit, cursor),
                cancellationToken
            )
        );

    /// <summary>The status as JSON names it (camelCase), case-insensitively; never a number.</summary>
    private static AssignmentStatus? StatusFrom(string? status) =>
        status is null ? null
        : status.All(char.IsLetter)
        && Enum.TryParse<AssignmentStatus>(status, ignoreCase: true, out var parsed)
            ? parsed
        : throw new ValidationException([
            new ValidationFailure("Status", "'status' is one of open, completed, skipped."),
        ]);

    public static async Task<Ok<AssignmentDto>> CompleteChoreAssignment(
        Guid choreId,
        Guid assignmentId,
        VersionRequest? body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body?.Version);
        return WithETag(
            http,
            await sender.Send(
                new CompleteChoreAssignment(
                    ChoreId.From(choreId),
                    ChoreAssignmentId.From(assignmentId),
                    expected
                ),
                cancellationToken
            )
        );
    }

    public static async Task<Ok<AssignmentDto>> ReopenChoreAssignment(
        Guid choreId,
        Guid assignmentId,
        VersionRequest? body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body?.Version);
        return WithETag(
            http,
            await sender.Send(
                new ReopenChoreAssignment(
                    ChoreId.From(choreId),
                    ChoreAssignmentId.From(assignmentId),
                    expected
                ),
                cancellationToken
            )
        );
    }

    public static async Task<Ok<AssignmentDto>> SkipChoreAssignment(
        Guid choreId,
        Guid assignmentId,
        VersionRequest? body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body?.Version);
        return WithETag(
            http,
            await sender.Send(
                new SkipChoreAssignment(
                    ChoreId.From(choreId),
                    ChoreAssignmentId.From(assignmentId),
                    expected
                ),
                cancellationToken
            )
        );
    }

    public static async Task<Ok<AssignmentDto>> ReassignChoreAssignment(
        Guid choreId,
        Guid assignmentId,
        ReassignChoreAssignmentRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body.Version);
        return WithETag(
            http,
            await sender.Send(
                new ReassignChoreAssignment(
                    ChoreId.From(choreId),
                    ChoreAssignmentId.From(assignmentId),
                    UserId.From(body.AssigneeId),
                    expected
                ),
                cancellationToken
            )
        );
    }

    private static Ok<ChoreDto> WithETag(HttpContext http, ChoreDto chore)
    {
        EntityTags.Set(http, chore.Version);
        return TypedResults.Ok(chore);
    }

    private static Ok<AssignmentDto> WithETag(HttpContext http, AssignmentDto assignment)
    {
        EntityTags.Set(http, assignment.Version);
        return TypedResults.Ok(assignment);
    }
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
