using Ledger.Domain.Expenses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ledger.Infrastructure.Persistence;

/// <summary>
/// An expense replaces its payers, items and splits when it is updated. Their foreign keys are
/// RESTRICT (no deletion cascades, docs/requirements.md A1), and EF Core only deletes a child removed from
/// its parent's collection when the relationship cascades; otherwise it refuses to save. So the
/// rows of children the aggregate dropped are deleted here, explicitly, before EF detects the
/// change. A replacement with the same key becomes an UPDATE of the row.
/// </summary>
internal static class ReplacedChildren
{
    public static void MarkDeleted(ChangeTracker changeTracker)
    {
        var autoDetect = changeTracker.AutoDetectChangesEnabled;
        changeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var expenses = changeTracker
                .Entries<Expense>()
                .Where(e => e.State is EntityState.Unchanged or EntityState.Modified)
                .Select(e => e.Entity)
                .ToDictionary(e => (e.GroupId, e.Id));
            if (expenses.Count == 0)
            {
                return;
            }

            DeleteDropped<ExpensePayer>(
                changeTracker,
                p => expenses.GetValueOrDefault((p.GroupId, p.ExpenseId))?.Payers
            );
            DeleteDropped<ExpenseItem>(
                changeTracker,
                i => expenses.GetValueOrDefault((i.GroupId, i.ExpenseId))?.Items
            );
            DeleteDropped<ExpenseSplit>(
                changeTracker,
                s => expenses.GetValueOrDefault((s.GroupId, s.ExpenseId))?.Splits
            );
        }
        finally
        {
            changeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static void DeleteDropped<TChild>(
        ChangeTracker changeTracker,
        Func<TChild, IReadOnlyList<TChild>?> currentChildrenOfParent
    )
        where TChild : class
    {
        foreach (
            var entry in changeTracker
                .Entries<TChild>()
                .Where(c => c.State is EntityState.Unchanged or EntityState.Modified)
                .ToList()
        )
        {
            var current = currentChildrenOfParent(entry.Entity);
            if (current is not null && !current.Contains(entry.Entity))
            {
                entry.State = EntityState.Deleted;
            }
        }
    }
}
