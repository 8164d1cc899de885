using Ledger.Domain.Common;

namespace Ledger.Domain.Recurrence;

/// <summary>
/// The expense generated for one occurrence of a recurring expense. Its key is (template,
/// occurrence date): the database refuses a second expense for the same occurrence, whoever
/// tries (a retry, a second worker).
/// </summary>
public sealed class RecurringExpenseOccurrence
{
    public RecurringExpenseOccurrence(
        GroupId groupId,
        RecurringExpenseId recurringExpenseId,
        DateOnly occurrenceDate,
        ExpenseId expenseId,
        DateTimeOffset createdAt
    )
    {
        GroupId = groupId;
        RecurringExpenseId = recurringExpenseId;
        OccurrenceDate = occurrenceDate;
        ExpenseId = expenseId;
        CreatedAt = createdAt;
    }

    private RecurringExpenseOccurrence() { }

    public GroupId GroupId { get; private init; }
    public RecurringExpenseId RecurringExpenseId { get; private init; }
    public DateOnly OccurrenceDate { get; private init; }
    public ExpenseId ExpenseId { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
}
