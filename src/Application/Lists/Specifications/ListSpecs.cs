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
/// A group's lists, or a user's personal lists, in id order (time-ordered) after a keyset
/// position. Never across groups.
/// </summary>
public sealed class ListsOfOwnerSpec : Specification<ShoppingList>
{
    public ListsOfOwnerSpec(Ownership owner, ListId? after, int take, bool includeArchived)
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

        if (after is { } position)
        {
            Query.Where(l => l.Id > position);
        }

        Query.OrderBy(l => l.Id).Take(take).AsNoTracking();
    }
}
