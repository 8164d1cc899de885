using Ledger.Application.Common.Paging;
using Ledger.Application.Lists;
using Ledger.Application.Lists.Commands.AddListItem;
using Ledger.Application.Lists.Commands.ArchiveList;
using Ledger.Application.Lists.Commands.CreateList;
using Ledger.Application.Lists.Commands.EditListItem;
using Ledger.Application.Lists.Commands.MarkListItemBought;
using Ledger.Application.Lists.Commands.RemoveListItem;
using Ledger.Application.Lists.Commands.RenameList;
using Ledger.Application.Lists.Commands.ReorderListItems;
using Ledger.Application.Lists.Commands.UnarchiveList;
using Ledger.Application.Lists.Commands.UnmarkListItemBought;
using Ledger.Application.Lists.Queries.GetList;
using Ledger.Application.Lists.Queries.GetListChanges;
using Ledger.Application.Lists.Queries.ListShoppingLists;
using Ledger.Domain.Common;
using Ledger.WebApi.Http;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Endpoints;

/// <summary>
/// Shopping lists, personal and group alike: one set of endpoints, the list decides who may use
/// it. A list's ETag is its version (name, archived, order); an item's ETag is the item's version.
/// </summary>
public static class ListEndpoints
{
    public static RouteGroupBuilder MapListEndpoints(this RouteGroupBuilder api)
    {
        var lists = api.MapGroup("/lists").WithTags("Lists");
        lists.MapGet("/", ListShoppingLists).Named(nameof(ListShoppingLists));
        lists.MapPost("/", CreateList).Named(nameof(CreateList));
        lists.MapGet("/{listId:guid}", GetList).Named(nameof(GetList));
        lists.MapPut("/{listId:guid}", RenameList).Named(nameof(RenameList));
        lists.MapPost("/{listId:guid}/archive", ArchiveList).Named(nameof(ArchiveList));
        lists.MapPost("/{listId:guid}/unarchive", UnarchiveList).Named(nameof(UnarchiveList));
        lists.MapGet("/{listId:guid}/changes", GetListChanges).Named(nameof(GetListChanges));
        lists.MapPost("/{listId:guid}/items", AddListItem).Named(nameof(AddListItem));
        lists
            .MapPut("/{listId:guid}/items/order", ReorderListItems)
            .Named(nameof(ReorderListItems));
        lists
            .MapPut("/{listId:guid}/items/{itemId:guid}", EditListItem)
            .Named(nameof(EditListItem));
        lists
            .MapDelete("/{listId:guid}/items/{itemId:guid}", RemoveListItem)
            .Named(nameof(RemoveListItem));
        lists
            .MapPost("/{listId:guid}/items/{itemId:guid}/bought", MarkListItemBought)
            .Named(nameof(MarkListItemBought));
        lists
            .MapDelete("/{listId:guid}/items/{itemId:guid}/bought", UnmarkListItemBought)
            .Named(nameof(UnmarkListItemBought));
        return lists;
    }

    /// <summary>The caller's personal lists, or with <c>groupId</c> the group's lists.</summary>
    public static async Task<Ok<Page<ListDto>>> ListShoppingLists(
        ISender sender,
        CancellationToken cancellationToken,
        Guid? groupId = null,
        bool includeArchived = false,
        int? limit = null,
        string? cursor = null
    ) =>
        TypedResults.Ok(
            await sender.Send(
                new ListShoppingLists(ToGroupId(groupId), includeArchived, limit, cursor),
                cancellationToken
            )
        );

    public static async Task<Created<ListDto>> CreateList(
        CreateListRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var list = await sender.Send(
            new CreateList(body.Name, ToGroupId(body.GroupId), body.Currency),
            cancellationToken
        );
        EntityTags.Set(http, list.Version);
        return TypedResults.Created($"/api/v1/lists/{list.Id}", list);
    }

    public static async Task<Ok<ListWithItemsDto>> GetList(
        Guid listId,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    ) => WithETag(http, await sender.Send(new GetList(ListId.From(listId)), cancellationToken));

    /// <summary>What changed since revision <c>since</c> (0 or absent: the whole list).</summary>
    public static async Task<Ok<ListWithItemsDto>> GetListChanges(
        Guid listId,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken,
        long since = 0
    ) =>
        WithETag(
            http,
            await sender.Send(new GetListChanges(ListId.From(listId), since), cancellationToken)
        );

    public static async Task<Ok<ListDto>> RenameList(
        Guid listId,
        RenameListRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body.Version);
        return WithETag(
            http,
            await sender.Send(
                new RenameList(ListId.From(listId), body.Name, expected),
                cancellationToken
            )
        );
    }

    public static async Task<Ok<ListDto>> ArchiveList(
        Guid listId,
        VersionRequest? body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body?.Version);
        return WithETag(
            http,
            await sender.Send(new ArchiveList(ListId.From(listId), expected), cancellationToken)
        );
    }

    public static async Task<Ok<ListDto>> UnarchiveList(
        Guid listId,
        VersionRequest? body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body?.Version);
        return WithETag(
            http,
            await sender.Send(new UnarchiveList(ListId.From(listId), expected), cancellationToken)
        );
    }

    /// <summary>Adds an item; needs no version (adding conflicts with nothing).</summary>
    public static async Task<Created<ListItemDto>> AddListItem(
        Guid listId,
        AddListItemRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var item = await sender.Send(
            new AddListItem(ListId.From(listId), body.Name, body.Quantity),
            cancellationToken
        );
        EntityTags.Set(http, item.Version);
        return TypedResults.Created($"/api/v1/lists/{listId}/items/{item.Id}", item);
    }

    /// <summary>Puts the items in a new order; guarded by the list's version.</summary>
    public static async Task<Ok<ListWithItemsDto>> ReorderListItems(
        Guid listId,
        ReorderListItemsRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body.Version);
        return WithETag(
            http,
            await sender.Send(
                new ReorderListItems(
                    ListId.From(listId),
                    body.ItemIds.Select(id => ListItemId.From(id)).ToList(),
                    expected
                ),
                cancellationToken
            )
        );
    }

    public static async Task<Ok<ListItemDto>> EditListItem(
        Guid listId,
        Guid itemId,
        EditListItemRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body.Version);
        return WithETag(
            http,
            await sender.Send(
                new EditListItem(
                    ListId.From(listId),
                    ListItemId.From(itemId),
                    body.Name,
                    body.Quantity,
                    expected
                ),
                cancellationToken
            )
        );
    }

    /// <summary>Removes an item (kept as a tombstone for the changes feed); If-Match required.</summary>
    public static async Task<Ok<ListItemDto>> RemoveListItem(
        Guid listId,
        Guid itemId,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, null);
        return WithETag(
            http,
            await sender.Send(
                new RemoveListItem(ListId.From(listId), ListItemId.From(itemId), expected),
                cancellationToken
            )
        );
    }

    /// <summary>Marks an item bought, optionally with its price as a string amount ("3.50").</summary>
    public static async Task<Ok<ListItemDto>> MarkListItemBought(
        Guid listId,
        Guid itemId,
        MarkListItemBoughtRequest? body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body?.Version);
        return WithETag(
            http,
            await sender.Send(
                new MarkListItemBought(
                    ListId.From(listId),
                    ListItemId.From(itemId),
                    body?.Price,
                    expected
                ),
                cancellationToken
            )
        );
    }

    /// <summary>Puts a bought item back on the list; If-Match required.</summary>
    public static async Task<Ok<ListItemDto>> UnmarkListItemBought(
        Guid listId,
        Guid itemId,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, null);
        return WithETag(
            http,
            await sender.Send(
                new UnmarkListItemBought(ListId.From(listId), ListItemId.From(itemId), expected),
                cancellationToken
            )
        );
    }

    private static GroupId? ToGroupId(Guid? groupId) => groupId is { } id ? GroupId.From(id) : null;

    private static Ok<ListWithItemsDto> WithETag(HttpContext http, ListWithItemsDto list)
    {
        EntityTags.Set(http, list.List.Version);
        return TypedResults.Ok(list);
    }

    private static Ok<ListDto> WithETag(HttpContext http, ListDto list)
    {
        EntityTags.Set(http, list.Version);
        return TypedResults.Ok(list);
    }

    private static Ok<ListItemDto> WithETag(HttpContext http, ListItemDto item)
    {
        EntityTags.Set(http, item.Version);
        return TypedResults.Ok(item);
    }
}

// What clients may send; nothing else binds (no owners, groups of existing lists or versions
// smuggled into the resource: a version only says which one the client saw).

public sealed record CreateListRequest(string Name, Guid? GroupId = null, string? Currency = null);

public sealed record RenameListRequest(string Name, int? Version = null);

/// <summary>The version the client saw, for changes that take nothing else (If-Match works too).</summary>
public sealed record VersionRequest(int? Version = null);

public sealed record AddListItemRequest(string Name, string? Quantity = null);

public sealed record EditListItemRequest(string Name, string? Quantity = null, int? Version = null);

public sealed record ReorderListItemsRequest(IReadOnlyList<Guid> ItemIds, int? Version = null);

public sealed record MarkListItemBoughtRequest(string? Price = null, int? Version = null);
