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
        lists.MapGet("/", ListShoppingLists);
        lists.MapPost("/", CreateList);
        lists.MapGet("/{listId:guid}", GetList);
        lists.MapPut("/{listId:guid}", RenameList);
        lists.MapPost("/{listId:guid}/archive", ArchiveList);
        lists.MapPost("/{listId:guid}/unarchive", UnarchiveList);
        lists.MapGet("/{listId:guid}/changes", GetListChanges);
        lists.MapPost("/{listId:guid}/items", AddListItem);
        lists.MapPut("/{listId:guid}/items/order", ReorderListItems);
        lists.MapPut("/{listId:guid}/items/{itemId:guid}", EditListItem);
        lists.MapDelete("/{listId:guid}/items/{itemId:guid}", RemoveListItem);
        lists.MapPost("/{listId:guid}/items/{itemId:guid}/bought", MarkListItemBought);
        lists.MapDelete("/{listId:guid}/items/{itemId:guid}/bought", UnmarkListItemBought);
        return lists;
    }

    /// <summary>The caller's personal lists, or with <c>groupId</c> the group's lists.</summary>
    public static Task<Ok<Page<ListDto>>> ListShoppingLists(
        ApiCall call,
        GroupId? groupId = null,
        bool includeArchived = false,
        int? limit = null,
        string? cursor = null
    ) => call.Ok(new ListShoppingLists(groupId, includeArchived, limit, cursor));

    public static Task<Created<ListDto>> CreateList(CreateListRequest body, ApiCall call) =>
        call.Created(
            new CreateList(body.Name, body.GroupId.ToGroupId(), body.Currency),
            list => $"/api/v1/lists/{list.Id}"
        );

    public static Task<Ok<ListWithItemsDto>> GetList(ListId listId, ApiCall call) =>
        call.Ok(new GetList(listId));

    /// <summary>What changed since revision <c>since</c> (0 or absent: the whole list).</summary>
    public static Task<Ok<ListWithItemsDto>> GetListChanges(
        ListId listId,
        ApiCall call,
        long since = 0
    ) => call.Ok(new GetListChanges(listId, since));

    public static Task<Ok<ListDto>> RenameList(
        ListId listId,
        RenameListRequest body,
        ApiCall call
    ) => call.Ok(new RenameList(listId, body.Name, call.ExpectedVersion(body.Version)));

    public static Task<Ok<ListDto>> ArchiveList(
        ListId listId,
        VersionRequest? body,
        ApiCall call
    ) => call.Ok(new ArchiveList(listId, call.ExpectedVersion(body?.Version)));

    public static Task<Ok<ListDto>> UnarchiveList(
        ListId listId,
        VersionRequest? body,
        ApiCall call
    ) => call.Ok(new UnarchiveList(listId, call.ExpectedVersion(body?.Version)));

    /// <summary>Adds an item; needs no version (adding conflicts with nothing).</summary>
    public static Task<Created<ListItemDto>> AddListItem(
        ListId listId,
        AddListItemRequest body,
        ApiCall call
    ) =>
        call.Created(
            new AddListItem(listId, body.Name, body.Quantity),
            item => $"/api/v1/lists/{listId}/items/{item.Id}"
        );

    /// <summary>Puts the items in a new order; guarded by the list's version.</summary>
    public static Task<Ok<ListWithItemsDto>> ReorderListItems(
        ListId listId,
        ReorderListItemsRequest body,
        ApiCall call
    ) =>
        call.Ok(
            new ReorderListItems(
                listId,
                body.ItemIds.Select(id => ListItemId.From(id)).ToList(),
                call.ExpectedVersion(body.Version)
            )
        );

    public static Task<Ok<ListItemDto>> EditListItem(
        ListId listId,
        ListItemId itemId,
        EditListItemRequest body,
        ApiCall call
    ) =>
        call.Ok(
            new EditListItem(
                listId,
                itemId,
                body.Name,
                body.Quantity,
                call.ExpectedVersion(body.Version)
            )
        );

    /// <summary>Removes an item (kept as a tombstone for the changes feed); If-Match required.</summary>
    public static Task<Ok<ListItemDto>> RemoveListItem(
        ListId listId,
        ListItemId itemId,
        ApiCall call
    ) => call.Ok(new RemoveListItem(listId, itemId, call.ExpectedVersion(null)));

    /// <summary>Marks an item bought, optionally with its price as a string amount ("3.50").</summary>
    public static Task<Ok<ListItemDto>> MarkListItemBought(
        ListId listId,
        ListItemId itemId,
        MarkListItemBoughtRequest? body,
        ApiCall call
    ) =>
        call.Ok(
            new MarkListItemBought(listId, itemId, body?.Price, call.ExpectedVersion(body?.Version))
        );

    /// <summary>Puts a bought item back on the list; If-Match required.</summary>
    public static Task<Ok<ListItemDto>> UnmarkListItemBought(
        ListId listId,
        ListItemId itemId,
        ApiCall call
    ) => call.Ok(new UnmarkListItemBought(listId, itemId, call.ExpectedVersion(null)));
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
