using Ledger.Application.Expenses.Specifications;
using Ledger.Domain.Expenses;

namespace Ledger.Application.Expenses;

internal static class ExpenseLoading
{
    /// <summary>
    /// Loads an expense with its parts, or 404 (also for an expense of another group). One query
    /// per collection: payers × splits × items in one statement would multiply rows.
    /// </summary>
    public static async Task<Expense> LoadExpenseAsync(
        this IApplicationDbContext db,
        GroupId groupId,
        ExpenseId expenseId,
        bool tracked,
        CancellationToken cancellationToken
    ) =>
        await db.Apply(new ExpenseWithPartsSpec(groupId, expenseId, tracked))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(ExpenseAudit.ExpenseRecord);

    /// <summary>
    /// Locks the expense's row, then loads it to change it: changes of one expense run one after
    /// another, and each sees the version the previous one committed.
    /// </summary>
    public static async Task<Expense> LockAndLoadExpenseAsync(
        this IApplicationDbContext db,
        GroupId groupId,
        ExpenseId expenseId,
        CancellationToken cancellationToken
    )
    {
        await db.LockExpenseAsync(groupId, expenseId, cancellationToken);
        return await db.LoadExpenseAsync(groupId, expenseId, tracked: true, cancellationToken);
    }
}
