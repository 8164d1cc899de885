using Ledger.Application.Common.Paging;
using Ledger.Application.Lists.Specifications;
using Ledger.Domain.Lists;

namespace Ledger.Application.Lists.Queries.ListShoppingLists;

/// <summary>
/// A group's lists (with <see cref="GroupId"/>, members only) or the caller's personal lists,
/// a page at a time, without items. Archived lists only on request.
/// </summary>
public sealed record ListShoppingLists(
    GroupId? GroupId = null,
    bool IncludeArchived = false,
    int? Limit = null,
    string? Cursor = null
) : OwnedListingQuery<ListDto>(GroupId, IncludeArchived, Limit, Cursor);

public sealed class ListShoppingListsValidator : PagedQueryValidator<ListShoppingLists>;

public sealed class ListShoppingListsHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    CursorCodec cursors
) : IQueryHandler<ListShoppingLists, Page<ListDto>>
{
    public async ValueTask<Page<ListDto>> Handle(
        ListShoppingLists query,
        CancellationToken cancellationToken
    )
    {
        var (owner, page) = cursors.OpenOwned(OldestFirst, "lists", query, principal);
        var lists = db.Apply(new ListsOfOwnerSpec(owner, query.IncludeArchived));
        return await page.ToPageAsync(lists, ListDto.From, cancellationToken);
    }

    private static readonly KeysetOrder<ShoppingList> OldestFirst =
        KeysetOrder<ShoppingList>.Ascending(l => l.Id);
}
