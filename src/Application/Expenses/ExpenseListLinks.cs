using Ledger.Application.MoneyRules;
using Ledger.Domain.Expenses;

namespace Ledger.Application.Expenses;

/// <summary>
/// An expense may name the list it was bought from: any list its creator may read, a personal
/// list included (docs/requirements.md A6), and its item-based charges must be items of that list. The
/// expense keeps only the ids, so archiving the list or removing an item later never changes it.
/// A change that keeps the expense's list needs no right to read it: an owner may correct an
/// expense bought from its creator's personal list. No item is charged by two live expenses.
/// </summary>
internal static class ExpenseListLinks
{
    public static async Task EnsureLinkableAsync(
        IApplicationDbContext db,
        HouseholdAccess household,
        ExpenseCaller caller,
        GroupId group,
        ExpenseDetails details,
        ListId? linkedBefore,
        ExpenseId? self,
        CancellationToken cancellationToken
    )
    {
        if (details.List is not { } listId)
        {
            return;
        }

        if (listId != linkedBefore)
        {
            await EnsureReadableAsync(db, household, caller, group, listId, cancellationToken);
        }
        else if (!await db.Lists.AnyAsync(l => l.Id == listId, cancellationToken))
        {
            throw Invalid("expense.list", "listId", "the list does not exist.");
        }

        if (details.Split is not ItemBasedSplit itemBased)
        {
            return;
        }

        // Held until commit: two expenses cannot both take the same item.
        await db.LockListAsync(listId, cancellationToken);
        var itemIds = itemBased.Items.Select(i => i.Item).ToList();
        var itemsOfList = await db
            .ListItems.AsNoTracking()
            .Where(i => i.ListId == listId && itemIds.Contains(i.Id))
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
        for (var index = 0; index < itemIds.Count; index++)
        {
            if (!itemsOfList.Contains(itemIds[index]))
            {
                throw Invalid(
                    "expense.list-item",
                    $"split.items[{index}].itemId",
                    "the item is not on the expense's list."
                );
            }
        }

        var live = db.Expenses.Where(e => e.Voided == null);
        if (self is { } current)
        {
            live = live.Where(e => e.Id != current);
        }

        var chargedElsewhere = await live.SelectMany(e => e.Items)
            .AnyAsync(i => itemIds.Contains(i.ListItemId), cancellationToken);
        if (chargedElsewhere)
        {
            throw new BusinessRuleViolationException(
                "expense.item-already-charged",
                "An item is already part of another expense: void that expense first."
            );
        }
    }

    /// <summary>
    /// Refuses a list the caller may not read exactly as one that does not exist, before anything
    /// else reads or locks it. Partners read only the groups they were granted: this group's
    /// lists. Users read what the household rule lets them use.
    /// </summary>
    public static async Task EnsureReadableAsync(
        IApplicationDbContext db,
        HouseholdAccess household,
        ExpenseCaller caller,
        GroupId group,
        ListId listId,
        CancellationToken cancellationToken
    )
    {
        var readable = caller.IsPartner
            ? await db.Lists.AnyAsync(l => l.Id == listId && l.GroupId == group, cancellationToken)
            : await household.MayUseListAsync(
                caller.Actor.UserId!.Value,
                listId,
                cancellationToken
            );
        if (!readable)
        {
            // The same answer for a list that does not exist and one the caller may not read.
            throw Invalid("expense.list", "listId", "the list does not exist.");
        }
    }

    private static DomainValidationException Invalid(string code, string field, string message) =>
        new(code, $"{field}: {message}", field);
}
