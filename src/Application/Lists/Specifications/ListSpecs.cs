using Ardalis.Specification;
using Ledger.Domain.Lists;

namespace Ledger.Application.Lists.Specifications;

/// <summary>A list with its live items (removed ones stay out: they are tombstones for the feed).</summary>
public sealed class ListWithLiveItemsSpec : SingleResultSpecification<ShoppingList>
{
    public ListWithLiveItemsSpec(ListId listId, bool tracked)
    {
        Query.Where(l => l.Id == listId).Include(l => l.Items.Where(i => i.RemovedAt == null));
        if (!tracked)
        {
            Query.AsNoTracking();
        }
    }
}

/// <summary>
/// A group's lists, or a user's personal lists (paged by the list's keyset order). Never across
/// groups.
/// </summary>
public sealed class ListsOfOwnerSpec : Specification<ShoppingList>
{
    public ListsOfOwnerSpec(Ownership owner, bool includeArchived)
    {
        if (owner.GroupId is { } groupId)
        {
            Query.Where(l => l.GroupId == groupId);
        }
        else
        {
            Query.Where(l => l.OwnerUserId == owner.OwnerUserId);
        }

        if (!includeArchived)
        {
            Query.Where(l => l.ArchivedAt == null);
        }

        Query.AsNoTracking();
    }
}
