using Ledger.Application.Expenses;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Recurrence;

namespace Ledger.Application.RecurringExpenses;

internal static class RecurringExpenseLoading
{
    public static async Task<RecurringExpense> LoadRecurringExpenseAsync(
        this IApplicationDbContext db,
        GroupId groupId,
        RecurringExpenseId id,
        bool tracked,
        CancellationToken cancellationToken
    )
    {
        var query = db.RecurringExpenses.Where(r => r.GroupId == groupId && r.Id == id);
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(
                cancellationToken
            ) ?? throw new NotFoundException(RecurringExpenseAudit.Record);
    }

    /// <summary>
    /// Locks the template's row, then loads it: a member's change waits for a generation run
    /// that holds the row, and then sees the occurrences it recorded (never recomputes the next
    /// one from a stale copy).
    /// </summary>
    public static async Task<RecurringExpense> LockAndLoadRecurringExpenseAsync(
        this IApplicationDbContext db,
        GroupId groupId,
        RecurringExpenseId id,
        CancellationToken cancellationToken
    )
    {
        await db.LockRecurringExpenseAsync(groupId, id, cancellationToken);
        return await db.LoadRecurringExpenseAsync(groupId, id, tracked: true, cancellationToken);
    }

    public static async Task<GroupCalendar> CalendarOfAsync(
        this IApplicationDbContext db,
        GroupId groupId,
        CancellationToken cancellationToken
    ) =>
        new(
            await db
                .Groups.Where(g => g.Id == groupId)
                .Select(g => g.TimeZoneId)
                .SingleAsync(cancellationToken)
        );

    /// <summary>Only the template's creator or an owner changes, pauses, resumes or ends it.</summary>
    public static void EnsureMayChange(ExpenseCaller caller, RecurringExpense recurring)
    {
        if (recurring.CreatedBy == caller.Actor || caller.ActsForAnyMember)
        {
            return;
        }

        throw new ForbiddenException(
            "Only the recurring expense's creator or an owner of the group can change it."
        );
    }
}
