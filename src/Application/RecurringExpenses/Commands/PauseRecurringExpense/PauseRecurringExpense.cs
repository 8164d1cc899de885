namespace Ledger.Application.RecurringExpenses.Commands.PauseRecurringExpense;

/// <summary>
/// Pauses a recurring expense: nothing is generated until it is resumed. Its creator or an owner, from the current version; handled with resuming and ending by <see cref="RecurringExpenseStateHandler"/>.
/// </summary>
public sealed record PauseRecurringExpense(
    GroupId GroupId,
    RecurringExpenseId RecurringExpenseId,
    int ExpectedVersion
) : RecurringExpenseStateChange(GroupId, RecurringExpenseId, ExpectedVersion);

public sealed class PauseRecurringExpenseValidator
    : VersionedCommandValidator<PauseRecurringExpense>;
