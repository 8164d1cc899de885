namespace Ledger.Application.Chores.Commands.SkipChoreAssignment;

/// <summary>
/// Skips an occurrence that is not needed this time. The assignee's turn is given back; if no
/// assignment is left open, the next occurrence is assigned by the rotation. The chore's users
/// only; handled by <see cref="ChoreAssignmentStatusHandler"/>.
/// </summary>
public sealed record SkipChoreAssignment(
    ChoreId ChoreId,
    ChoreAssignmentId AssignmentId,
    int ExpectedVersion
) : ChoreAssignmentChange(ChoreId, AssignmentId, ExpectedVersion);

public sealed class SkipChoreAssignmentValidator
    : ChoreAssignmentChangeValidator<SkipChoreAssignment>;
