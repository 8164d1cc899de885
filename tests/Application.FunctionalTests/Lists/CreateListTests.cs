using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Groups.Commands.UpdateGroupSettings;
using Ledger.Application.Lists.Commands.CreateList;
using Ledger.Domain.Common;
using Ledger.Domain.Lists;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Lists;

public sealed class CreateListTests : FunctionalTest
{
    [Test]
    public async Task Should_create_a_group_list_in_the_groups_currency_for_a_member()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var name = Pii.Name("Groceries");

        var list = await SendAsync(new CreateList(name, group), bob);

        (
            list.Type,
            list.GroupId,
            list.OwnerId,
            list.Name,
            list.Currency,
            list.Version,
            list.Revision
        )
            .Should()
            .Be((OwnershipType.Group, group.Value, (Guid?)null, name, "EUR", 1, 1L));
        (await CountAsync<ShoppingList>()).Should().Be(1);
    }

    [Test]
    public async Task Should_let_a_group_list_use_another_currency_than_the_groups()
    {
        var (group, alice) = await CreateGroupAsync();
        await SendAsync(
            new UpdateGroupSettings(group, Pii.Name(), "EUR", "Europe/Berlin", 1),
            alice
        );

        var list = await SendAsync(new CreateList(Pii.Name(), group, "CHF"), alice);

        list.Currency.Should().Be("CHF");
    }

    [Test]
    public async Task Should_create_a_personal_list_owned_by_the_caller()
    {
        var alice = await CreateUserAsync();

        var list = await SendAsync(new CreateList(Pii.Name(), null, "JPY"), alice);

        (list.Type, list.GroupId, list.OwnerId, list.Currency)
            .Should()
            .Be((OwnershipType.Personal, (Guid?)null, (Guid?)alice.Value, "JPY"));
    }

    [Test]
    public async Task Should_answer_not_found_to_a_stranger_creating_in_a_group()
    {
        var (group, _) = await CreateGroupAsync();
        var mallory = await CreateUserAsync();

        var act = () => SendAsync(new CreateList(Pii.Name(), group), mallory);

        await act.Should().ThrowAsync<NotFoundException>();
        (await CountAsync<ShoppingList>()).Should().Be(0);
    }

    [Test]
    public async Task Should_require_a_name_and_a_currency_for_a_personal_list()
    {
        var alice = await CreateUserAsync();

        var act = () => SendAsync(new CreateList(" ", null, null), alice);
        var badCurrency = () => SendAsync(new CreateList(Pii.Name(), null, "XYZ1"), alice);

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Select(e => e.PropertyName)
            .Should()
            .BeEquivalentTo(["Name", "Currency"]);
        (await badCurrency.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Should()
            .ContainSingle(e => e.PropertyName == "Currency");
    }
}
