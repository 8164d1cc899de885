using Ledger.Application.Chores;
using Ledger.Application.Chores.Commands.CreateChore;
using Ledger.Application.Lists.Commands.AddListItem;
using Ledger.Application.Lists.Commands.CreateList;
using Ledger.Application.Lists.Commands.MarkListItemBought;
using Ledger.Application.Lists.Queries.ListShoppingLists;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using Ledger.Infrastructure.Identity;

namespace Ledger.WebApi.Demo;

/// <summary>
/// The demo group's household, made through the use cases as the demo users: a shared shopping
/// list (one item bought with a price), rotating chores, and a personal list of the first demo
/// user. Idempotent: if the group already has its shopping list, nothing is added.
/// </summary>
public sealed class DemoHousehold(DemoData demo)
{
    public const string GroceriesName = "Groceries";

    public async Task SeedAsync(GroupId group, CancellationToken cancellationToken)
    {
        var alice = await demo.UserIdAsync(DemoUsers.Accounts[0].Email);
        var bob = await demo.UserIdAsync(DemoUsers.Accounts[1].Email);
        var lists = await demo.SendAsAsync(
            alice,
            new ListShoppingLists(group, IncludeArchived: true, Limit: 100),
            cancellationToken
        );
        if (lists.Items.Any(l => l.Name == GroceriesName))
        {
            return;
        }

        await SeedListsAsync(group, alice, bob, cancellationToken);
        await SeedChoresAsync(group, alice, bob, cancellationToken);
    }

    private async Task SeedListsAsync(
        GroupId group,
        UserId alice,
        UserId bob,
        CancellationToken cancellationToken
    )
    {
        var groceries = await CreateListAsync(
            demo,
            alice,
            new CreateList(GroceriesName, group),
            cancellationToken
        );
        await demo.SendAsAsync(alice, new AddListItem(groceries, "Milk", "2 l"), cancellationToken);
        await demo.SendAsAsync(bob, new AddListItem(groceries, "Bread"), cancellationToken);
        await BuyAsync(
            demo,
            alice,
            bob,
            new AddListItem(groceries, "Coffee beans", "500 g"),
            "8.99",
            cancellationToken
        );

        var presents = await CreateListAsync(
            demo,
            alice,
            new CreateList("Birthday presents", null, "EUR"),
            cancellationToken
        );
        await demo.SendAsAsync(alice, new AddListItem(presents, "A good book"), cancellationToken);
    }

    private async Task SeedChoresAsync(
        GroupId group,
        UserId alice,
        UserId bob,
        CancellationToken cancellationToken
    )
    {
        (
            string Name,
            FrequencyDto Frequency,
            ChoreRotation Rotation,
            UserId[] Participants
        )[] chores =
        [
            (
                "Take out the bins",
                new(FrequencyKind.Weekly, [DayOfWeek.Monday, DayOfWeek.Thursday]),
                ChoreRotation.RoundRobin,
                [alice, bob]
            ),
            (
                "Clean the bathroom",
                new(FrequencyKind.Weekly, [DayOfWeek.Saturday]),
                ChoreRotation.FewestCompletions,
                [alice, bob]
            ),
            (
                "Water the plants",
                new(FrequencyKind.EveryNDays, IntervalDays: 3),
                ChoreRotation.RoundRobin,
                [bob, alice]
            ),
            (
                "Pay the rent",
                new(FrequencyKind.Monthly, DayOfMonth: 31),
                ChoreRotation.Fixed,
                [alice]
            ),
        ];
        foreach (var (name, frequency, rotation, participants) in chores)
        {
            await demo.SendAsAsync(
                alice,
                new CreateChore(name, frequency, rotation, group, ParticipantIds: participants),
                cancellationToken
            );
        }
    }

    /// <summary>Creates a shopping list as <paramref name="user"/>; returns its id.</summary>
    internal static async Task<ListId> CreateListAsync(
        DemoData demo,
        UserId user,
        CreateList command,
        CancellationToken cancellationToken
    ) => ListId.From((await demo.SendAsAsync(user, command, cancellationToken)).Id);

    /// <summary>
    /// Adds an item as <paramref name="addedBy"/>, which <paramref name="boughtBy"/> then marks
    /// bought at <paramref name="price"/>; returns the item's id.
    /// </summary>
    internal static async Task<Guid> BuyAsync(
        DemoData demo,
        UserId addedBy,
        UserId boughtBy,
        AddListItem item,
        string price,
        CancellationToken cancellationToken
    )
    {
        var added = await demo.SendAsAsync(addedBy, item, cancellationToken);
        await demo.SendAsAsync(
            boughtBy,
            new MarkListItemBought(item.ListId, ListItemId.From(added.Id), price, added.Version),
            cancellationToken
        );
        return added.Id;
    }
}
