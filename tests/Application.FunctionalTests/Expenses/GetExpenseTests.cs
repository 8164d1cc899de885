using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Expenses.Queries.GetExpense;
using Ledger.Domain.Common;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Expenses;

public sealed class GetExpenseTests : ExpenseTest
{
    [Test]
    public async Task Should_return_the_expense_with_its_parts_to_any_member()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);

        var read = await SendAsync(
            new GetExpense(flat.Group, ExpenseId.From(created.Id)),
            flat.Cem
        );

        read.Should().BeEquivalentTo(created, options => options.Excluding(e => e.CreatedAt));
        read.CreatedAt.Should().BeCloseTo(created.CreatedAt, TimeSpan.FromMilliseconds(1));
    }

    [Test]
    public async Task Should_answer_not_found_to_a_stranger()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);

        var act = async () =>
            await SendAsync(
                new GetExpense(flat.Group, ExpenseId.From(created.Id)),
                await CreateUserAsync()
            );

        (await act.Should().ThrowAsync<NotFoundException>()).Which.Resource.Should().Be("group");
    }

    [Test]
    public async Task Should_answer_not_found_for_an_expense_of_another_group()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        var (otherGroup, otherOwner) = await CreateGroupAsync();

        var act = () =>
            SendAsync(new GetExpense(otherGroup, ExpenseId.From(created.Id)), otherOwner);

        (await act.Should().ThrowAsync<NotFoundException>()).Which.Resource.Should().Be("expense");
    }

    [Test]
    public async Task Should_answer_not_found_for_an_unknown_expense()
    {
        var flat = await CreateFlatAsync();

        var act = () => SendAsync(new GetExpense(flat.Group, ExpenseId.New()), flat.Ana);

        (await act.Should().ThrowAsync<NotFoundException>()).Which.Resource.Should().Be("expense");
    }
}
