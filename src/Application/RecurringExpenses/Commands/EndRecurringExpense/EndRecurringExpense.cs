namespace Ledger.Application.RecurringExpenses.Commands.EndRecurringExpense;

/// <summary>
/// Ends a recurring expense for good: it generates nothing more; what it generated stays. Its creator or an owner, from the current version; handled by <see cref="RecurringExpenseStateHandler"/>.
/// </summary>
public sealed record EndRecurringExpense(
    GroupId GroupId,
    RecurringExpenseId RecurringExpenseId,
    int ExpectedVersion
) : RecurringExpenseStateChange(GroupId, RecurringExpenseId, ExpectedVersion);

public sealed class EndRecurringExpenseValidator : VersionedCommandValidator<EndRecurringExpense>;
