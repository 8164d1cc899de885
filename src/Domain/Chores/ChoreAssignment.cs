using Ledger.Domain.Common;

namespace Ledger.Domain.Chores;

public enum AssignmentStatus
{
    Open = 0,
    Completed = 1,
    Skipped = 2,
}

/// <summary>
/// One occurrence of a chore (its due date) and the member responsible for it. Changed only
/// through its <see cref="Chore"/>, which keeps the rotation's counters and the history.
/// </summary>
public sealed class ChoreAssignment : IVersioned
{
    internal ChoreAssignment(Chore chore, UserId assignee, DateOnly dueDate, DateTimeOffset now)
    {
        Id = ChoreAssignmentId.New();
        ChoreId = chore.Id;
        GroupId = chore.GroupId;
        AssigneeUserId = assignee;
        DueDate = dueDate;
        Status = AssignmentStatus.Open;
        CreatedAt = now;
        Version = 1;
    }

    private ChoreAssignment() { }

    public ChoreAssignmentId Id { get; private init; }
    public ChoreId ChoreId { get; private init; }
    public GroupId? GroupId { get; private init; }
    public UserId AssigneeUserId { get; private set; }
    public DateOnly DueDate { get; private init; }
    public AssignmentStatus Status { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public UserId? CompletedBy { get; private set; }
    public DateTimeOffset? SkippedAt { get; private set; }
    public UserId? SkippedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public int Version { get; private set; }

    public bool IsOpen => Status == AssignmentStatus.Open;

    internal void Complete(UserId by, DateTimeOffset now)
    {
        EnsureOpen();
        Status = AssignmentStatus.Completed;
        CompletedAt = now;
        CompletedBy = by;
        Version++;
    }

    internal void Skip(UserId by, DateTimeOffset now)
    {
        EnsureOpen();
        Status = AssignmentStatus.Skipped;
        SkippedAt = now;
        SkippedBy = by;
        Version++;
    }

    internal void Reopen()
    {
        if (IsOpen)
        {
            throw new BusinessRuleViolationException(
                "chore.assignment-open",
                "The assignment is already open."
            );
        }

        Status = AssignmentStatus.Open;
        CompletedAt = null;
        CompletedBy = null;
        SkippedAt = null;
        SkippedBy = null;
        Version++;
    }

    internal void AssignTo(UserId assignee)
    {
        EnsureOpen();
        AssigneeUserId = assignee;
        Version++;
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new BusinessRuleViolationException(
                "chore.assignment-closed",
                "The assignment is already completed or skipped: reopen it first."
            );
        }
    }
}
