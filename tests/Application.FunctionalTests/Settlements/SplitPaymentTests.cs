using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Expenses.Queries.GetExpense;
using Ledger.Application.FunctionalTests.Expenses;
using Ledger.Application.Settlements;
using Ledger.Application.Settlements.Commands.VoidSplitPayment;
using Ledger.Application.Settlements.Queries.ListSplitPayments;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Settlements.SettlementScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Settlements;

public sealed class SplitPaymentTests : ExpenseTest
{
    [Test]
    public async Task Should_move_the_split_from_unpaid_to_paid_and_the_balances_with_it()
    {
        var flat = await CreateFlatAsync();
        var expense = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);

        var first = await SendAsync(Pay(expense, flat.Ben, "4.00"), flat.Ben);
        first.Split.Status.Should().Be(SplitStatus.PartiallyPaid);
        first.Split.Remaining.Should().Be("6.00");
        first.PayeeUserId.Should().Be(flat.Ana.Value);

        var second = await SendAsync(Pay(expense, flat.Ben, "6.00"), flat.Ana);
        second.Split.Status.Should().Be(SplitStatus.Paid);

        var balances = await BalancesAsync(flat.Group, flat.Cem);
        balances["EUR"][flat.Ben].Should().Be("0.00");
        balances["EUR"][flat.Ana].Should().Be("10.00");
        balances["EUR"][flat.Cem].Should().Be("-10.00");
    }

    [Test]
    public async Task Should_refuse_more_than_is_still_owed_naming_the_remaining_amount()
    {
        var flat = await CreateFlatAsync();
        var expense = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        await SendAsync(Pay(expense, flat.Ben, "7.50"), flat.Ben);

        var refused = async () => await SendAsync(Pay(expense, flat.Ben, "2.51"), flat.Ben);

        (await refused.Should().ThrowAsync<DomainValidationException>())
            .Which.Message.Should()
            .Contain("2.50 EUR");
    }

    [Test]
    public async Task Should_let_only_the_debtor_the_creditor_or_an_owner_pay_a_split()
    {
        var flat = await CreateFlatAsync();
        var expense = await SendAsync(EqualExpense(flat, flat.Ben, "30.00"), flat.Ben);

        var byOther = async () => await SendAsync(Pay(expense, flat.Ana, "1.00"), flat.Cem);
        await byOther.Should().ThrowAsync<ForbiddenException>();
        (await SendAsync(Pay(expense, flat.Ana, "1.00"), flat.Ana)).Amount.Should().Be("1.00");
        (await SendAsync(Pay(expense, flat.Cem, "1.00"), flat.Ben)).Amount.Should().Be("1.00");
    }

    [Test]
    public async Task Should_void_a_payment_with_a_reason_moving_the_split_back()
    {
        var flat = await CreateFlatAsync();
        var expense = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        var payment = await SendAsync(Pay(expense, flat.Ben, "10.00"), flat.Ben);

        var voidByMember = async () => await SendAsync(VoidOf(payment), flat.Ben);
        await voidByMember.Should().ThrowAsync<Exception>();

        var voided = await SendAsync(VoidOf(payment), flat.Ana);

        voided.IsVoided.Should().BeTrue();
        voided.Split.Status.Should().Be(SplitStatus.Unpaid);
        var read = await SendAsync(
            new GetExpense(flat.Group, ExpenseId.From(expense.Id)),
            flat.Ben
        );
        read.Splits.Single(s => s.UserId == flat.Ben.Value).Settled.Should().Be("0.00");
        (await BalancesAsync(flat.Group, flat.Ana))["EUR"][flat.Ben].Should().Be("-10.00");
    }

    [Test]
    public async Task Should_never_settle_more_than_owed_when_payments_race()
    {
        var flat = await CreateFlatAsync();
        var expense = await SendAsync(
            NewExpense(flat.Group, flat.Ana, "10.00", EqualAmong(flat.Ana, flat.Ben)),
            flat.Ana
        );

        var outcomes = await Groups.GroupScenarios.RaceOnGroupAsync(
            flat.Group,
            8,
            _ => SendAsync(Pay(expense, flat.Ben, "1.00"), flat.Ben)
        );

        outcomes.Count(o => o is null).Should().Be(5);
        outcomes.Where(o => o is not null).Should().AllBeOfType<DomainValidationException>();
    }

    [Test]
    public async Task Should_list_an_expenses_split_payments_newest_first_a_page_at_a_time()
    {
        var flat = await CreateFlatAsync();
        var expense = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        var other = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        var first = await SendAsync(Pay(expense, flat.Ben, "1.00"), flat.Ben);
        var second = await SendAsync(Pay(expense, flat.Cem, "2.00"), flat.Cem);
        var third = await SendAsync(Pay(expense, flat.Ben, "3.00"), flat.Ben);
        await SendAsync(Pay(other, flat.Ben, "4.00"), flat.Ben);
        await SendAsync(VoidOf(second), flat.Ana);
        var list = new ListSplitPayments(flat.Group, ExpenseId.From(expense.Id), Limit: 2);

        var page = await SendAsync(list, flat.Cem);
        var rest = await SendAsync(list with { Cursor = page.NextCursor }, flat.Cem);

        page.Items.Select(p => p.Id).Should().Equal(third.Id, second.Id);
        page.Items[1].IsVoided.Should().BeTrue();
        page.Items[0].Split.Settled.Should().Be("4.00");
        rest.Items.Select(p => p.Id).Should().Equal(first.Id);
        rest.NextCursor.Should().BeNull();
        var foreign = async () =>
            await SendAsync(
                new ListSplitPayments(flat.Group, ExpenseId.From(Guid.CreateVersion7())),
                flat.Ana
            );
        await foreign.Should().ThrowAsync<NotFoundException>();
    }

    private static VoidSplitPayment VoidOf(SplitPaymentDto payment) =>
        new(
            GroupId.From(payment.GroupId),
            ExpenseId.From(payment.ExpenseId),
            SplitPaymentId.From(payment.Id),
            Pii.Text("reason"),
            payment.Version
        );
}
