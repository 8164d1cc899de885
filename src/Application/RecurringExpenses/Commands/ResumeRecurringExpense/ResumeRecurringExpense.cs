namespace Ledger.Application.RecurringExpenses.Commands.ResumeRecurringExpense;

/// <summary>
/// Resumes a paused recurring expense from the group's today: occurrences that fell due while it was paused are skipped, not caught up. Its creator or an owner, from the current version; handled by <see cref="RecurringExpenseStateHandler"/>.
/// </summary>
public sealed record ResumeRecurringExpense(
    GroupId GroupId,
    RecurringExpenseId RecurringExpenseId,
    int ExpectedVersion
) : RecurringExpenseStateChange(GroupId, RecurringExpenseId, ExpectedVersion);

public sealed class ResumeRecurringExpenseValidator
    : VersionedCommandValidator<ResumeRecurringExpense>;
