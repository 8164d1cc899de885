namespace Ledger.Application.Chores.Commands.ReopenChoreAssignment;

/// <summary>
/// Reopens a completed or skipped occurrence (done by mistake); the rotation's counts are put
/// back. The chore's users only; handled by <see cref="ChoreAssignmentStatusHandler"/>.
/// </summary>
public sealed record ReopenChoreAssignment(
    ChoreId ChoreId,
    ChoreAssignmentId AssignmentId,
    int ExpectedVersion
) : ChoreAssignmentChange(ChoreId, AssignmentId, ExpectedVersion);

public sealed class ReopenChoreAssignmentValidator
    : ChoreAssignmentChangeValidator<ReopenChoreAssignment>;
