using AwesomeAssertions;
using Ledger.Application.Lists.Commands.EditListItem;
using Ledger.Application.Lists.Commands.MarkListItemBought;
using Ledger.Application.Lists.Commands.RemoveListItem;
using Ledger.Application.Lists.Commands.RenameList;
using Ledger.Application.Lists.Queries.GetListChanges;
using Ledger.Domain.Common;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Lists;

public sealed class GetListChangesTests : FunctionalTest
{
    [Test]
    public async Task Should_return_only_what_changed_since_a_revision_including_removals()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var list = await CreateGroupListAsync(group, alice);
        var milk = await AddItemAsync(list, alice);
        var bread = await AddItemAsync(list, alice);
        var eggs = await AddItemAsync(list, alice);
        // Bob's phone synced here.
        var synced = (await SendAsync(new GetListChanges(list, 0), bob)).List.Revision;

        await SendAsync(new MarkListItemBought(list, ListItemId.From(milk.Id), "1.00", 1), alice);
        await SendAsync(new RemoveListItem(list, ListItemId.From(bread.Id), 1), alice);
        var tea = await AddItemAsync(list, alice);

        var changes = await SendAsync(new GetListChanges(list, synced), bob);

        changes.Full.Should().BeFalse();
        changes.List.Revision.Should().Be(synced + 3);
        changes
            .Items.Select(i => (i.Id, i.Bought, i.Removed))
            .Should()
            .Equal((milk.Id, true, false), (bread.Id, false, true), (tea.Id, false, false));
        changes.Items.Should().NotContain(i => i.Id == eggs.Id);
        (await SendAsync(new GetListChanges(list, changes.List.Revision), bob))
            .Items.Should()
            .BeEmpty();
    }

    [Test]
    public async Task Should_report_a_change_of_the_list_itself_through_its_revision()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        var name = Pii.Name("New name");

        await SendAsync(new RenameList(list, name, 1), alice);
        var changes = await SendAsync(new GetListChanges(list, 1), alice);

        (changes.List.Name, changes.List.Revision, changes.Items.Count).Should().Be((name, 2L, 0));
    }

    [Test]
    public async Task Should_answer_the_whole_list_from_revision_zero_or_an_unknown_revision()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        var milk = await AddItemAsync(list, alice);
        var bread = await AddItemAsync(list, alice);
        await SendAsync(new RemoveListItem(list, ListItemId.From(milk.Id), 1), alice);
        await SendAsync(
            new EditListItem(list, ListItemId.From(bread.Id), Pii.Name(), null, 1),
            alice
        );

        var fromZero = await SendAsync(new GetListChanges(list, 0), alice);
        var fromTheFuture = await SendAsync(new GetListChanges(list, 99), alice);

        foreach (var whole in new[] { fromZero, fromTheFuture })
        {
            whole.Full.Should().BeTrue();
            whole.Items.Select(i => i.Id).Should().Equal(bread.Id);
        }
    }
}
