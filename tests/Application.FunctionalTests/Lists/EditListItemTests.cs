using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Lists.Commands.EditListItem;
using Ledger.Domain.Common;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Lists;

public sealed class EditListItemTests : FunctionalTest
{
    [Test]
    public async Task Should_edit_an_item_and_bump_only_its_version()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var list = await CreateGroupListAsync(group, alice);
        var item = await AddItemAsync(list, alice);
        var name = Pii.Name("Oat milk");

        var edited = await SendAsync(
            new EditListItem(list, ListItemId.From(item.Id), name, null, 1),
            bob
        );

        (edited.Name, edited.Quantity, edited.Version, edited.ChangedAtRevision)
            .Should()
            .Be((name, (string?)null, 2, 3L));
        (await ReadListAsync(list, alice)).List.Version.Should().Be(1);
    }

    [Test]
    public async Task Should_let_exactly_one_of_fifty_concurrent_edits_of_the_same_version_win()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        var item = await AddItemAsync(list, alice);

        var failures = await RowRace.RaceAsync(
            ConnectionString,
            "lists",
            list.Value,
            50,
            _ =>
                SendAsync(
                    new EditListItem(list, ListItemId.From(item.Id), Pii.Name(), null, 1),
                    alice
                )
        );

        failures.Count(f => f is null).Should().Be(1);
        failures
            .Where(f => f is not null)
            .Should()
            .HaveCount(49)
            .And.AllSatisfy(f =>
                f.Should().BeOfType<VersionConflictException>().Which.CurrentVersion.Should().Be(2)
            );
        var stored = await WithDbAsync(db => db.ListItems.SingleAsync());
        (stored.Version, stored.ChangedAtRevision).Should().Be((2, 3L));
    }

    [Test]
    public async Task Should_answer_not_found_for_an_item_of_another_list()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        var other = await CreatePersonalListAsync(alice);
        var item = await AddItemAsync(other, alice);

        var act = () =>
            SendAsync(new EditListItem(list, ListItemId.From(item.Id), Pii.Name(), null, 1), alice);

        (await act.Should().ThrowAsync<NotFoundException>()).Which.Resource.Should().Be("item");
    }
}
