using Ledger.Application.Lists;
using Ledger.Application.Lists.Commands.AddListItem;
using Ledger.Application.Lists.Commands.CreateList;
using Ledger.Application.Lists.Queries.GetList;
using Ledger.Domain.Common;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Lists;

internal static class ListScenarios
{
    public static async Task<ListId> CreateGroupListAsync(GroupId group, UserId asUser) =>
        ListId.From((await SendAsync(new CreateList(Pii.Name("List"), group), asUser)).Id);

    public static async Task<ListId> CreatePersonalListAsync(
        UserId owner,
        string currency = "EUR"
    ) => ListId.From((await SendAsync(new CreateList(Pii.Name("Mine"), null, currency), owner)).Id);

    public static async Task<ListItemDto> AddItemAsync(ListId list, UserId asUser) =>
        await SendAsync(new AddListItem(list, Pii.Name("Item"), "2"), asUser);

    public static Task<ListWithItemsDto> ReadListAsync(ListId list, UserId asUser) =>
        SendAsync(new GetList(list), asUser);
}
