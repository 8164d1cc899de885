using AwesomeAssertions;
using Ledger.Application.Lists.Commands.MarkListItemBought;
using Ledger.Domain.Common;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Lists;

public sealed class MarkListItemBoughtTests : FunctionalTest
{
    [Test]
    public async Task Should_mark_an_item_bought_by_the_caller_with_its_price()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var list = await CreateGroupListAsync(group, alice);
        var item = await AddItemAsync(list, alice);

        var bought = await SendAsync(
            new MarkListItemBought(list, ListItemId.From(item.Id), "3.5", 1),
            bob
        );

        (bought.Bought, bought.BoughtBy, bought.Price, bought.Version)
            .Should()
            .Be((true, (Guid?)bob.Value, "3.50", 2));
        bought.BoughtAt.Should().BeCloseTo(Clock.GetUtcNow(), TimeSpan.FromMinutes(1));
    }

    [Test]
    public async Task Should_mark_bought_without_a_price()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice, "JPY");
        var item = await AddItemAsync(list, alice);

        var bought = await SendAsync(
            new MarkListItemBought(list, ListItemId.From(item.Id), null, 1),
            alice
        );

        (bought.Bought, bought.Price).Should().Be((true, (string?)null));
    }

    [TestCase("12.345", "money.over-precise")]
    [TestCase("-1.00", "money.negative")]
    [TestCase("1e3", "money.format")]
    [TestCase("12,50", "money.format")]
    public async Task Should_refuse_a_price_that_is_not_a_plain_amount_of_the_lists_currency(
        string price,
        string code
    )
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        var item = await AddItemAsync(list, alice);

        var act = () =>
            SendAsync(new MarkListItemBought(list, ListItemId.From(item.Id), price, 1), alice);

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Code.Should().Be(code);
        (await ReadListAsync(list, alice)).Items.Single().Bought.Should().BeFalse();
    }
}
