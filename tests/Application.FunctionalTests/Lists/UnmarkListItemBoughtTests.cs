using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Lists.Commands.MarkListItemBought;
using Ledger.Application.Lists.Commands.UnmarkListItemBought;
using Ledger.Domain.Common;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Lists;

public sealed class UnmarkListItemBoughtTests : FunctionalTest
{
    [Test]
    public async Task Should_put_a_bought_item_back_to_buy_without_its_price()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        var item = await AddItemAsync(list, alice);
        await SendAsync(new MarkListItemBought(list, ListItemId.From(item.Id), "2.00", 1), alice);

        var unmarked = await SendAsync(
            new UnmarkListItemBought(list, ListItemId.From(item.Id), 2),
            alice
        );

        (unmarked.Bought, unmarked.BoughtBy, unmarked.Price, unmarked.Version)
            .Should()
            .Be((false, (Guid?)null, (string?)null, 3));
    }

    [Test]
    public async Task Should_refuse_unmarking_an_item_that_is_not_bought_or_stale()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        var item = await AddItemAsync(list, alice);

        var notBought = () =>
            SendAsync(new UnmarkListItemBought(list, ListItemId.From(item.Id), 1), alice);
        var stale = () =>
            SendAsync(new UnmarkListItemBought(list, ListItemId.From(item.Id), 4), alice);

        (await notBought.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("list.item-not-bought");
        await stale.Should().ThrowAsync<VersionConflictException>();
    }
}
