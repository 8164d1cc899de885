using Ledger.Application.Lists.Specifications;
using Ledger.Domain.Lists;

namespace Ledger.Application.Lists;

internal static class ListLoading
{
    /// <summary>
    /// Takes the list's lock, then loads it with its live items: changes to one list run one at a
    /// time, each on the state (and revision) the previous one committed.
    /// </summary>
    public static async Task<ShoppingList> LockAndLoadListAsync(
        this IApplicationDbContext db,
        ListId listId,
        CancellationToken cancellationToken
    )
    {
        await db.LockListAsync(listId, cancellationToken);
        return await db.Apply(new ListWithLiveItemsSpec(listId, tracked: true))
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("list");
    }

    /// <summary>The live item the command names, or 404 (also for a removed item).</summary>
    public static ListItem RequireLiveItem(this ShoppingList list, ListItemId itemId) =>
        list.FindLiveItem(itemId) ?? throw new NotFoundException("item");
}
