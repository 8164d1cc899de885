namespace Ledger.Application.Chores.Commands.CompleteChoreAssignment;

/// <summary>
/// Marks an occurrence done by the caller (who gets the credit, whoever it was assigned to). If
/// no assignment of the chore is left open, its next occurrence is assigned by the rotation.
/// The chore's users only; handled by <see cref="ChoreAssignmentStatusHandler"/>.
/// </summary>
public sealed record CompleteChoreAssignment(
    ChoreId ChoreId,
    ChoreAssignmentId AssignmentId,
    int ExpectedVersion
) : ChoreAssignmentChange(ChoreId, AssignmentId, ExpectedVersion);

public sealed class CompleteChoreAssignmentValidator
    : ChoreAssignmentChangeValidator<CompleteChoreAssignment>;
