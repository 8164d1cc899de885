using AwesomeAssertions;
using Ledger.Application.Expenses;
using Ledger.Application.Expenses.Commands.CreateExpenseFromList;
using Ledger.Application.Expenses.Queries.GetExpense;
using Ledger.Application.Lists.Commands.ArchiveList;
using Ledger.Application.Lists.Commands.MarkListItemBought;
using Ledger.Application.Lists.Commands.RemoveListItem;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Expenses;

/// <summary>
/// Bought items become an expense in one step, from the group's list or the buyer's personal
/// list (audit 003 #6); the expense keeps its link and outlives whatever happens to the list.
/// </summary>
public sealed class ExpenseFromListTests : ExpenseTest
{
    [Test]
    public async Task Should_turn_bought_items_of_a_personal_list_into_a_group_expense()
    {
        var flat = await CreateFlatAsync();
        var list = await CreatePersonalListAsync(flat.Ben);
        var forAna = await BoughtAsync(list, flat.Ben, "6.00");
        var shared = await BoughtAsync(list, flat.Ben, "9.00");

        var expense = await SendAsync(
            FromList(
                flat,
                list,
                new BoughtItemInput(forAna, flat.Ana.Value),
                new BoughtItemInput(shared)
            ),
            flat.Ben
        );

        expense.Total.Should().Be("15.00");
        expense.ListId.Should().Be(list.Value);
        expense.SplitType.Should().Be(SplitType.ItemBased);
        expense.Payers.Should().BeEquivalentTo([new PayerDto(flat.Ben.Value, "15.00")]);
        expense
            .Splits.ToDictionary(s => s.UserId, s => s.Owed)
            .Should()
            .BeEquivalentTo(
                new Dictionary<Guid, string>
                {
                    [flat.Ana.Value] = "9.00",
                    [flat.Ben.Value] = "3.00",
                    [flat.Cem.Value] = "3.00",
                }
            );
        (await BalancesAsync(flat.Group, flat.Ana))["EUR"][flat.Ben].Should().Be("12.00");
    }

    [Test]
    public async Task Should_pay_each_buyer_what_they_bought()
    {
        var flat = await CreateFlatAsync();
        var list = await CreateGroupListAsync(flat.Group, flat.Ana);
        var byAna = await BoughtAsync(list, flat.Ana, "4.50");
        var byBen = await BoughtAsync(list, flat.Ben, "1.50");

        var expense = await SendAsync(
            FromList(flat, list, new BoughtItemInput(byAna), new BoughtItemInput(byBen)),
            flat.Ana
        );

        expense
            .Payers.Should()
            .BeEquivalentTo([
                new PayerDto(flat.Ana.Value, "4.50"),
                new PayerDto(flat.Ben.Value, "1.50"),
            ]);
    }

    [Test]
    public async Task Should_refuse_a_list_the_creator_cannot_read_as_if_it_did_not_exist()
    {
        var flat = await CreateFlatAsync();
        var anasOwn = await CreatePersonalListAsync(flat.Ana);
        var item = await BoughtAsync(anasOwn, flat.Ana, "2.00");

        var act = () => SendAsync(FromList(flat, anasOwn, new BoughtItemInput(item)), flat.Ben);
        var byFields = () =>
            SendAsync(
                NewExpense(flat.Group, flat.Ben, "2.00", EqualAmong(flat.Everyone)) with
                {
                    ListId = anasOwn.Value,
                },
                flat.Ben
            );

        foreach (var attempt in new[] { act, byFields })
        {
            var refusal = (await attempt.Should().ThrowAsync<DomainValidationException>()).Which;
            refusal.Code.Should().Be("expense.list");
            refusal.Field.Should().Be("listId");
        }

        (await CountAsync<Expense>()).Should().Be(0);
    }

    [Test]
    public async Task Should_refuse_items_that_are_not_bought_with_a_price_on_the_list()
    {
        var flat = await CreateFlatAsync();
        var list = await CreateGroupListAsync(flat.Group, flat.Ana);
        var bought = await BoughtAsync(list, flat.Ana, "3.00");
        var notBought = (await AddItemAsync(list, flat.Ana)).Id;

        var act = () =>
            SendAsync(
                FromList(flat, list, new BoughtItemInput(bought), new BoughtItemInput(notBought)),
                flat.Ana
            );

        var refusal = (await act.Should().ThrowAsync<DomainValidationException>()).Which;
        refusal.Field.Should().Be("items[1].itemId");
        (await CountAsync<Expense>()).Should().Be(0);
    }

    [Test]
    public async Task Should_charge_an_item_in_one_live_expense_only()
    {
        var flat = await CreateFlatAsync();
        var list = await CreateGroupListAsync(flat.Group, flat.Ana);
        var item = await BoughtAsync(list, flat.Ana, "3.00");
        var first = await SendAsync(FromList(flat, list, new BoughtItemInput(item)), flat.Ana);

        var again = () => SendAsync(FromList(flat, list, new BoughtItemInput(item)), flat.Ana);

        (await again.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("expense.item-already-charged");
        await SendAsync(Void(first), flat.Ana);
        (await SendAsync(FromList(flat, list, new BoughtItemInput(item)), flat.Ana))
            .Total.Should()
            .Be("3.00");
    }

    [Test]
    public async Task Should_keep_the_expense_unchanged_when_its_list_is_archived_and_its_item_removed()
    {
        var flat = await CreateFlatAsync();
        var list = await CreateGroupListAsync(flat.Group, flat.Ana);
        var item = await BoughtAsync(list, flat.Ana, "7.00");
        var expense = await SendAsync(
            FromList(flat, list, new BoughtItemInput(item, flat.Ben.Value)),
            flat.Ana
        );
        var before = await SendAsync(
            new GetExpense(flat.Group, ExpenseId.From(expense.Id)),
            flat.Ana
        );
        var listNow = await ReadListAsync(list, flat.Ana);

        await SendAsync(
            new RemoveListItem(list, ListItemId.From(item), listNow.Items[0].Version),
            flat.Ana
        );
        var afterRemoval = await ReadListAsync(list, flat.Ana);
        await SendAsync(new ArchiveList(list, afterRemoval.List.Version), flat.Ana);

        var after = await SendAsync(
            new GetExpense(flat.Group, ExpenseId.From(expense.Id)),
            flat.Ana
        );
        after.Should().BeEquivalentTo(before);
    }

    private static CreateExpenseFromList FromList(
        Flat flat,
        ListId list,
        params BoughtItemInput[] items
    ) => new(flat.Group, list.Value, Pii.Text("expense"), ExpenseCategory.Groceries, March1, items);

    private static async Task<Guid> BoughtAsync(ListId list, UserId buyer, string price)
    {
        var item = await AddItemAsync(list, buyer);
        await SendAsync(
            new MarkListItemBought(list, ListItemId.From(item.Id), price, item.Version),
            buyer
        );
        return item.Id;
    }
}
