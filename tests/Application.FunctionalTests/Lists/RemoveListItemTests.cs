using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Lists.Commands.EditListItem;
using Ledger.Application.Lists.Commands.RemoveListItem;
using Ledger.Domain.Common;
using Ledger.Domain.Lists;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Lists;

public sealed class RemoveListItemTests : FunctionalTest
{
    [Test]
    public async Task Should_remove_an_item_from_the_list_keeping_its_row_as_a_tombstone()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        var milk = await AddItemAsync(list, alice);
        var bread = await AddItemAsync(list, alice);

        var removed = await SendAsync(new RemoveListItem(list, ListItemId.From(milk.Id), 1), alice);

        (removed.Removed, removed.Version, removed.ChangedAtRevision).Should().Be((true, 2, 4L));
        (await ReadListAsync(list, alice)).Items.Select(i => i.Id).Should().Equal(bread.Id);
        (await CountAsync<ListItem>()).Should().Be(2);
        var edit = () =>
            SendAsync(new EditListItem(list, ListItemId.From(milk.Id), Pii.Name(), null, 2), alice);
        (await edit.Should().ThrowAsync<NotFoundException>()).Which.Resource.Should().Be("item");
    }

    [Test]
    public async Task Should_refuse_a_stale_version()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        var milk = await AddItemAsync(list, alice);

        var act = () => SendAsync(new RemoveListItem(list, ListItemId.From(milk.Id), 2), alice);

        await act.Should().ThrowAsync<VersionConflictException>();
        (await ReadListAsync(list, alice)).Items.Should().HaveCount(1);
    }
}
