using Ledger.Domain.Common;

namespace Ledger.Domain.Chores;

public enum ChoreEventKind
{
    Created = 0,
    Updated = 1,
    Assigned = 2,
    Completed = 3,
    Reopened = 4,
    Skipped = 5,
    Archived = 6,
    Unarchived = 7,
}

/// <summary>
/// One line of a chore's history: what happened to the chore or one of its assignments, who did
/// it (a user, or the worker's client for scheduled assignments) and when. Append-only; readable
/// exactly by those who may read the chore.
/// </summary>
public sealed class ChoreEvent
{
    internal ChoreEvent(
        Chore chore,
        long sequence,
        ChoreEventKind kind,
        Actor actor,
        DateTimeOffset occurredAt,
        ChoreAssignment? assignment
    )
    {
        Id = ChoreEventId.New();
        ChoreId = chore.Id;
        GroupId = chore.GroupId;
        Sequence = sequence;
        Kind = kind;
        Actor = actor;
        OccurredAt = occurredAt;
        AssignmentId = assignment?.Id;
        AssigneeUserId = assignment?.AssigneeUserId;
        DueDate = assignment?.DueDate;
    }

    private ChoreEvent() { }

    public ChoreEventId Id { get; private init; }
    public ChoreId ChoreId { get; private init; }
    public GroupId? GroupId { get; private init; }

    /// <summary>The event's place in its chore's history: 1, 2, 3… in the order things happened.</summary>
    public long Sequence { get; private init; }

    public ChoreEventKind Kind { get; private init; }
    public Actor Actor { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }

    /// <summary>The assignment the event is about, with its assignee and due date at that moment.</summary>
    public ChoreAssignmentId? AssignmentId { get; private init; }

    public UserId? AssigneeUserId { get; private init; }
    public DateOnly? DueDate { get; private init; }
}
