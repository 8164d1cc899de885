using Ledger.Domain.Chores;

namespace Ledger.Application.Chores;

/// <summary>
/// A chore as those who may read it see it: its definition (whose <see cref="Version"/> is the
/// ETag), its rotation in order with each participant's counts, and its open assignments.
/// <see cref="TimeZone"/> is the zone its dates are in (the group's, for a group chore).
/// </summary>
public sealed record ChoreDto(
    Guid Id,
    OwnershipType Type,
    Guid? GroupId,
    Guid? OwnerId,
    string Name,
    string? Description,
    FrequencyDto Frequency,
    ChoreRotation Rotation,
    string TimeZone,
    DateOnly? NextDueDate,
    bool Archived,
    IReadOnlyList<ParticipantDto> Participants,
    IReadOnlyList<AssignmentDto> OpenAssignments,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt
)
{
    public static ChoreDto From(Chore chore, string timeZone) =>
        new(
            chore.Id.Value,
            chore.Ownership.Type,
            chore.GroupId?.Value,
            chore.OwnerUserId?.Value,
            chore.Name,
            chore.Description,
            FrequencyDto.From(chore.Frequency),
            chore.Rotation,
            timeZone,
            chore.NextDueDate,
            chore.IsArchived,
            chore
                .ActiveParticipants.Select(p => new ParticipantDto(
                    p.UserId.Value,
                    p.Position,
                    p.Turns,
                    p.Completions
                ))
                .ToList(),
            chore.OpenAssignments.OrderBy(a => a.DueDate).Select(AssignmentDto.From).ToList(),
            chore.Version,
            chore.CreatedAt,
            chore.UpdatedAt
        );
}

/// <summary>
/// How often a chore falls due. Only the field of its kind is set: <c>weekdays</c> for weekly,
/// <c>dayOfMonth</c> for monthly (29–31 fall on the last day of shorter months), <c>intervalDays</c>
/// for everyNDays.
/// </summary>
public sealed record FrequencyDto(
    FrequencyKind Kind,
    IReadOnlyList<DayOfWeek>? Weekdays = null,
    int? DayOfMonth = null,
    int? IntervalDays = null
)
{
    public static FrequencyDto From(ChoreFrequency frequency) =>
        new(
            frequency.Kind,
            frequency.Kind == FrequencyKind.Weekly ? frequency.Weekdays : null,
            frequency.DayOfMonth,
            frequency.IntervalDays
        );

    public ChoreFrequency ToDomain() =>
        Kind switch
        {
            FrequencyKind.Once => ChoreFrequency.Once(),
            FrequencyKind.Daily => ChoreFrequency.Daily(),
            FrequencyKind.Weekly => ChoreFrequency.Weekly(Weekdays ?? []),
            FrequencyKind.Monthly => ChoreFrequency.Monthly(DayOfMonth ?? 0),
            FrequencyKind.EveryNDays => ChoreFrequency.EveryNDays(IntervalDays ?? 0),
            _ => throw new DomainValidationException(
                "frequency.kind",
                "frequency: not a known kind.",
                "frequency"
            ),
        };
}

/// <summary>A member of the rotation: its place, turns handed to them and completions they did.</summary>
public sealed record ParticipantDto(Guid UserId, int Position, int Turns, int Completions);

/// <summary>One occurrence of a chore and who is responsible; <see cref="Version"/> is its ETag.</summary>
public sealed record AssignmentDto(
    Guid Id,
    Guid ChoreId,
    Guid AssigneeId,
    DateOnly DueDate,
    AssignmentStatus Status,
    DateTimeOffset? CompletedAt,
    Guid? CompletedBy,
    DateTimeOffset? SkippedAt,
    Guid? SkippedBy,
    int Version
)
{
    public static AssignmentDto From(ChoreAssignment assignment) =>
        new(
            assignment.Id.Value,
            assignment.ChoreId.Value,
            assignment.AssigneeUserId.Value,
            assignment.DueDate,
            assignment.Status,
            assignment.CompletedAt,
            assignment.CompletedBy?.Value,
            assignment.SkippedAt,
            assignment.SkippedBy?.Value,
            assignment.Version
        );
}

/// <summary>One line of a chore's history; the assignment fields are set for assignment events.</summary>
public sealed record ChoreEventDto(
    Guid Id,
    long Sequence,
    ChoreEventKind Kind,
    Guid? ActorUserId,
    string? ActorClientId,
    Guid? AssignmentId,
    Guid? AssigneeId,
    DateOnly? DueDate,
    DateTimeOffset OccurredAt
)
{
    public static ChoreEventDto From(ChoreEvent e) =>
        new(
            e.Id.Value,
            e.Sequence,
            e.Kind,
            e.Actor.UserId?.Value,
            e.Actor.ClientId,
            e.AssignmentId?.Value,
            e.AssigneeUserId?.Value,
            e.DueDate,
            e.OccurredAt
        );
}
