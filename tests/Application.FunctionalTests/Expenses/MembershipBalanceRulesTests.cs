using AwesomeAssertions;
using Ledger.Application.Expenses;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Application.Groups.Commands.RemoveMember;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Groups;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Expenses;

/// <summary>
/// The membership rules the foundation set up, now with balances real expenses open: nobody
/// leaves, is removed or deletes the group while a balance is open, and the refusal says in
/// which currencies.
/// </summary>
public sealed class MembershipBalanceRulesTests : ExpenseTest
{
    [Test]
    public async Task Should_keep_a_member_who_owes_from_leaving_until_they_are_settled()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(
            NewExpense(flat.Group, flat.Ana, "20.00", EqualAmong(flat.Ana, flat.Ben)),
            flat.Ana
        );

        var leave = () => SendAsync(new LeaveGroup(flat.Group), flat.Ben);

        (await leave.Should().ThrowAsync<BusinessRuleViolationException>())
            .WithMessage("*EUR*")
            .Which.Code.Should()
            .Be("balance.open");
        (await ReadAsync(flat.Group, flat.Ben)).MyRole.Should().Be(GroupRole.Member);

        // Ben pays Ana back for something only she shares: his balance is back at zero.
        await SendAsync(
            NewExpense(
                flat.Group,
                flat.Ben,
                "10.00",
                new SplitInput(SplitType.Exact, Amounts: [Paid(flat.Ana, "10.00")])
            ),
            flat.Ben
        );
        (await SendAsync(new LeaveGroup(flat.Group), flat.Ben))
            .GroupStatus.Should()
            .Be(GroupStatus.Active);
    }

    [Test]
    public async Task Should_keep_a_member_who_is_owed_from_leaving_naming_every_open_currency()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(
            NewExpense(flat.Group, flat.Ben, "20.00", EqualAmong(flat.Ana, flat.Ben)),
            flat.Ben
        );
        await SendAsync(
            NewExpense(flat.Group, flat.Ben, "2000", EqualAmong(flat.Ana, flat.Ben), "JPY"),
            flat.Ben
        );

        var leave = () => SendAsync(new LeaveGroup(flat.Group), flat.Ben);

        (await leave.Should().ThrowAsync<BusinessRuleViolationException>()).WithMessage(
            "*EUR, JPY*"
        );
    }

    [Test]
    public async Task Should_refuse_to_remove_a_member_with_an_open_balance()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(
            NewExpense(flat.Group, flat.Ana, "20.00", EqualAmong(flat.Ana, flat.Cem)),
            flat.Ana
        );

        var remove = () => SendAsync(new RemoveMember(flat.Group, flat.Cem), flat.Ana);

        (await remove.Should().ThrowAsync<BusinessRuleViolationException>())
            .WithMessage("*EUR*")
            .Which.Code.Should()
            .Be("balance.open");
        (await ReadAsync(flat.Group, flat.Cem)).MyRole.Should().Be(GroupRole.Member);
        // Ben has no balance: he can be removed.
        await SendAsync(new RemoveMember(flat.Group, flat.Ben), flat.Ana);
    }

    [Test]
    public async Task Should_refuse_to_delete_a_group_with_an_open_balance_until_it_is_voided()
    {
        var flat = await CreateFlatAsync();
        var expense = await SendAsync(
            NewExpense(flat.Group, flat.Ana, "2.500", EqualAmong(flat.Ana, flat.Ben), "KWD"),
            flat.Ana
        );

        var delete = () => DeleteGroupAsync(flat.Group, flat.Ana);

        (await delete.Should().ThrowAsync<BusinessRuleViolationException>())
            .WithMessage("*KWD*")
            .Which.Code.Should()
            .Be("balance.open");

        await SendAsync(Void(expense), flat.Ana);
        await DeleteGroupAsync(flat.Group, flat.Ana);
    }

    // A money change holds the group against membership changes while it reads who the members
    // are: whichever comes first, nobody ends up gone with an open balance.
    [Test]
    public async Task Should_never_let_a_member_leave_with_a_balance_a_concurrent_expense_opened()
    {
        for (var round = 0; round < 5; round++)
        {
            var flat = await CreateFlatAsync();

            var failures = await RaceOnGroupAsync(
                flat.Group,
                2,
                i =>
                    i == 0
                        ? (Task)SendAsync(new LeaveGroup(flat.Group), flat.Ben)
                        : SendAsync(
                            NewExpense(
                                flat.Group,
                                flat.Ana,
                                "20.00",
                                EqualAmong(flat.Ana, flat.Ben)
                            ),
                            flat.Ana
                        )
            );

            var benLeft = failures[0] is null;
            var expenseRecorded = failures[1] is null;
            (benLeft && expenseRecorded).Should().BeFalse();
            (benLeft || expenseRecorded).Should().BeTrue();
            if (benLeft)
            {
                failures[1].Should().BeOfType<DomainValidationException>();
            }
            else
            {
                failures[0].Should().BeOfType<BusinessRuleViolationException>();
            }
        }
    }
}
