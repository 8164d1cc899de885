using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Lists.Commands.ReorderListItems;
using Ledger.Domain.Common;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Lists;

public sealed class ReorderListItemsTests : FunctionalTest
{
    [Test]
    public async Task Should_put_the_items_in_the_given_order_under_the_lists_version()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        var a = await AddItemAsync(list, alice);
        var b = await AddItemAsync(list, alice);
        var c = await AddItemAsync(list, alice);

        var reordered = await SendAsync(
            new ReorderListItems(
                list,
                [ListItemId.From(c.Id), ListItemId.From(a.Id), ListItemId.From(b.Id)],
                1
            ),
            alice
        );

        reordered.List.Version.Should().Be(2);
        reordered.Items.Select(i => i.Id).Should().Equal(c.Id, a.Id, b.Id);
        (await ReadListAsync(list, alice)).Items.Select(i => i.Id).Should().Equal(c.Id, a.Id, b.Id);
        reordered.Items.Select(i => i.Version).Should().OnlyContain(v => v == 1);
    }

    [Test]
    public async Task Should_refuse_an_order_that_leaves_out_an_item_and_a_stale_version()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        var a = await AddItemAsync(list, alice);
        await AddItemAsync(list, alice);

        var incomplete = () =>
            SendAsync(new ReorderListItems(list, [ListItemId.From(a.Id)], 1), alice);
        var stale = () => SendAsync(new ReorderListItems(list, [ListItemId.From(a.Id)], 5), alice);

        (await incomplete.Should().ThrowAsync<DomainValidationException>())
            .Which.Field.Should()
            .Be("itemIds");
        await stale.Should().ThrowAsync<VersionConflictException>();
    }
}
