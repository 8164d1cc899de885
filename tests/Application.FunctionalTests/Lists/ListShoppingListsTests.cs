using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Lists.Commands.ArchiveList;
using Ledger.Application.Lists.Queries.ListShoppingLists;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Lists;

public sealed class ListShoppingListsTests : FunctionalTest
{
    [Test]
    public async Task Should_page_through_a_groups_lists_in_creation_order()
    {
        var (group, alice) = await CreateGroupAsync();
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await CreateGroupListAsync(group, alice)).Value);
        }

        await CreatePersonalListAsync(alice);

        var first = await SendAsync(new ListShoppingLists(group, Limit: 3), alice);
        var second = await SendAsync(
            new ListShoppingLists(group, Limit: 3, Cursor: first.NextCursor),
            alice
        );

        first
            .Items.Select(l => l.Id)
            .Concat(second.Items.Select(l => l.Id))
            .Should()
            .Equal(created);
        second.NextCursor.Should().BeNull();
    }

    [Test]
    public async Task Should_list_only_the_callers_personal_lists_without_a_group()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync();
        var mine = await CreatePersonalListAsync(alice);
        await CreatePersonalListAsync(bob);
        var (group, carol) = await CreateGroupAsync();
        await CreateGroupListAsync(group, carol);

        var page = await SendAsync(new ListShoppingLists(), alice);

        page.Items.Select(l => l.Id).Should().Equal(mine.Value);
    }

    [Test]
    public async Task Should_leave_out_archived_lists_unless_asked()
    {
        var alice = await CreateUserAsync();
        var kept = await CreatePersonalListAsync(alice);
        var archived = await CreatePersonalListAsync(alice);
        await SendAsync(new ArchiveList(archived, 1), alice);

        var active = await SendAsync(new ListShoppingLists(), alice);
        var all = await SendAsync(new ListShoppingLists(IncludeArchived: true), alice);

        active.Items.Select(l => l.Id).Should().Equal(kept.Value);
        all.Items.Select(l => l.Id).Should().Equal(kept.Value, archived.Value);
    }

    [Test]
    public async Task Should_refuse_strangers_and_cursors_of_another_listing()
    {
        var (group, alice) = await CreateGroupAsync();
        for (var i = 0; i < 2; i++)
        {
            await CreatePersonalListAsync(alice);
        }

        var mallory = await CreateUserAsync();
        var personalPage = await SendAsync(new ListShoppingLists(Limit: 1), alice);

        var stranger = () => SendAsync(new ListShoppingLists(group), mallory);
        var wrongCursor = () =>
            SendAsync(new ListShoppingLists(group, Cursor: personalPage.NextCursor), alice);

        await stranger.Should().ThrowAsync<NotFoundException>();
        await wrongCursor.Should().ThrowAsync<ValidationException>();
    }
}
