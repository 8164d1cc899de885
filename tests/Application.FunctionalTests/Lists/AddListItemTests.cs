using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Lists.Commands.AddListItem;
using Ledger.Domain.Lists;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Lists;

public sealed class AddListItemTests : FunctionalTest
{
    [Test]
    public async Task Should_add_an_item_at_the_end_by_the_caller_with_the_next_revision()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var list = await CreateGroupListAsync(group, alice);
        var name = Pii.Name("Milk");
        await AddItemAsync(list, alice);

        var item = await SendAsync(new AddListItem(list, name, " 1 l "), bob);

        (
            item.Name,
            item.Quantity,
            item.Position,
            item.AddedBy,
            item.Version,
            item.ChangedAtRevision,
            item.Bought
        )
            .Should()
            .Be((name, "1 l", 1, bob.Value, 1, 3L, false));
        var read = await ReadListAsync(list, alice);
        read.List.Revision.Should().Be(3);
        read.List.Version.Should().Be(1);
        read.Items.Select(i => i.Id).Last().Should().Be(item.Id);
    }

    [Test]
    public async Task Should_let_two_phones_add_at_once_each_with_its_own_revision()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);

        var failures = await RowRace.RaceAsync(
            ConnectionString,
            "lists",
            list.Value,
            10,
            _ => SendAsync(new AddListItem(list, Pii.Name()), alice)
        );

        failures.Should().OnlyContain(f => f == null);
        var read = await ReadListAsync(list, alice);
        read.List.Revision.Should().Be(11);
        read.Items.Select(i => i.ChangedAtRevision)
            .Should()
            .OnlyHaveUniqueItems()
            .And.HaveCount(10);
        read.Items.Select(i => i.Position).Should().BeEquivalentTo(Enumerable.Range(0, 10));
    }

    [Test]
    public async Task Should_refuse_a_stranger_and_invalid_items()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        var mallory = await CreateUserAsync();

        var stranger = () => SendAsync(new AddListItem(list, Pii.Name()), mallory);
        var invalid = () => SendAsync(new AddListItem(list, "", new string('9', 51)), alice);

        await stranger.Should().ThrowAsync<NotFoundException>();
        (await invalid.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Select(e => e.PropertyName)
            .Should()
            .BeEquivalentTo(["Name", "Quantity"]);
        (await CountAsync<ListItem>()).Should().Be(0);
    }
}
