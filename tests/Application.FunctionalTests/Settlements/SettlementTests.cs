using AwesomeAssertions;
using Ledger.Application.Balances.Queries.GetBalances;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.FunctionalTests.Expenses;
using Ledger.Application.Settlements;
using Ledger.Application.Settlements.Commands.ConfirmSettlement;
using Ledger.Application.Settlements.Commands.DeclineSettlement;
using Ledger.Application.Settlements.Commands.SettleUp;
using Ledger.Application.Settlements.Commands.VoidSettlement;
using Ledger.Application.Settlements.Queries.ListSettlements;
using Ledger.Domain.Common;
using Ledger.Domain.Settlements;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Settlements.SettlementScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Settlements;

public sealed class SettlementTests : ExpenseTest
{
    [Test]
    public async Task Should_confirm_at_once_when_the_payee_records_it()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);

        var settlement = await SendAsync(Settle(flat, flat.Ben, flat.Ana, "10.00"), flat.Ana);

        settlement.Status.Should().Be(SettlementStatus.Confirmed);
        (await BalancesAsync(flat.Group, flat.Ana))["EUR"][flat.Ben].Should().Be("0.00");
    }

    [Test]
    public async Task Should_keep_a_payer_recorded_settlement_pending_and_apart_until_confirmed()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);

        var pending = await SendAsync(Settle(flat, flat.Ben, flat.Ana, "10.00"), flat.Ben);

        pending.Status.Should().Be(SettlementStatus.Pending);
        var balances = await SendAsync(new GetBalances(flat.Group), flat.Cem);
        balances.PendingSettlements.Should().ContainSingle(s => s.Id == pending.Id);
        (await BalancesAsync(flat.Group, flat.Ana))["EUR"][flat.Ben].Should().Be("-10.00");

        var byPayer = async () =>
            await SendAsync(new ConfirmSettlement(flat.Group, Id(pending), 1), flat.Ben);
        await byPayer.Should().ThrowAsync<ForbiddenException>();
        var stale = async () =>
            await SendAsync(new ConfirmSettlement(flat.Group, Id(pending), 2), flat.Ana);
        await stale.Should().ThrowAsync<VersionConflictException>();

        var confirmed = await SendAsync(
            new ConfirmSettlement(flat.Group, Id(pending), 1),
            flat.Ana
        );
        confirmed.Status.Should().Be(SettlementStatus.Confirmed);
        confirmed.Version.Should().Be(2);
        (await BalancesAsync(flat.Group, flat.Ana))["EUR"][flat.Ben].Should().Be("0.00");
        (await SendAsync(new GetBalances(flat.Group), flat.Cem))
            .PendingSettlements.Should()
            .BeEmpty();
    }

    [Test]
    public async Task Should_never_count_a_declined_settlement()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        var pending = await SendAsync(Settle(flat, flat.Ben, flat.Ana, "10.00"), flat.Ben);

        var declined = await SendAsync(new DeclineSettlement(flat.Group, Id(pending), 1), flat.Ana);

        declined.Status.Should().Be(SettlementStatus.Declined);
        (await BalancesAsync(flat.Group, flat.Ana))["EUR"][flat.Ben].Should().Be("-10.00");
    }

    [Test]
    public async Task Should_refuse_a_settlement_that_would_flip_a_balance()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);

        var tooMuch = async () =>
            await SendAsync(Settle(flat, flat.Ben, flat.Ana, "10.01"), flat.Ana);
        (await tooMuch.Should().ThrowAsync<DomainValidationException>())
            .Which.Message.Should()
            .Contain("10.00 EUR");
        var wrongWay = async () =>
            await SendAsync(Settle(flat, flat.Ana, flat.Ben, "1.00"), flat.Ben);
        await wrongWay.Should().ThrowAsync<DomainValidationException>();
    }

    [Test]
    public async Task Should_check_a_pending_settlement_again_at_confirmation()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        var first = await SendAsync(Settle(flat, flat.Ben, flat.Ana, "10.00"), flat.Ben);
        var second = await SendAsync(Settle(flat, flat.Ben, flat.Ana, "10.00"), flat.Ben);
        await SendAsync(new ConfirmSettlement(flat.Group, Id(first), 1), flat.Ana);

        var phantom = async () =>
            await SendAsync(new ConfirmSettlement(flat.Group, Id(second), 1), flat.Ana);

        await phantom.Should().ThrowAsync<DomainValidationException>();
    }

    [Test]
    public async Task Should_let_only_one_of_two_racing_settlements_that_would_flip_a_balance_through()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);

        var outcomes = await Groups.GroupScenarios.RaceOnGroupAsync(
            flat.Group,
            2,
            _ => SendAsync(Settle(flat, flat.Ben, flat.Ana, "6.00"), flat.Ana)
        );

        outcomes.Count(o => o is null).Should().Be(1);
        outcomes.Single(o => o is not null).Should().BeOfType<DomainValidationException>();
        (await BalancesAsync(flat.Group, flat.Ana))["EUR"][flat.Ben].Should().Be("-4.00");
    }

    [Test]
    public async Task Should_settle_everyone_by_paying_the_suggested_transfers()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        await SendAsync(EqualExpense(flat, flat.Ben, "10.01"), flat.Ben);

        var transfers = (await SendAsync(new GetBalances(flat.Group), flat.Cem))
            .Currencies.Single()
            .SuggestedTransfers;
        foreach (var transfer in transfers)
        {
            var paid = await SendAsync(
                new SettleUp(
                    flat.Group,
                    UserId.From(transfer.FromUserId),
                    UserId.From(transfer.ToUserId),
                    "EUR"
                ),
                UserId.From(transfer.ToUserId)
            );
            paid.Amount.Should().Be(transfer.Amount);
        }

        (await BalancesAsync(flat.Group, flat.Cem))["EUR"]
            .Values.Should()
            .OnlyContain(net => net == "0.00");
    }

    [Test]
    public async Task Should_void_a_confirmed_settlement_as_an_owner_with_a_reason()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        var settlement = await SendAsync(Settle(flat, flat.Cem, flat.Ana, "10.00"), flat.Ana);

        var voided = await SendAsync(
            new VoidSettlement(flat.Group, Id(settlement), Pii.Text("reason"), 1),
            flat.Ana
        );

        voided.IsVoided.Should().BeTrue();
        voided.Version.Should().Be(2);
        (await BalancesAsync(flat.Group, flat.Ana))["EUR"][flat.Cem].Should().Be("-10.00");
    }

    [Test]
    public async Task Should_page_settlements_newest_first()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        var recorded = new List<SettlementDto>();
        for (var i = 0; i < 3; i++)
        {
            recorded.Add(await SendAsync(Settle(flat, flat.Ben, flat.Ana, "1.00"), flat.Ben));
        }

        var first = await SendAsync(new ListSettlements(flat.Group, 2), flat.Cem);
        var second = await SendAsync(
            new ListSettlements(flat.Group, 2, first.NextCursor),
            flat.Cem
        );

        first
            .Items.Concat(second.Items)
            .Select(s => s.Id)
            .Should()
            .Equal(recorded.Select(s => s.Id).Reverse());
        second.NextCursor.Should().BeNull();
    }

    private static SettlementId Id(SettlementDto settlement) => SettlementId.From(settlement.Id);
}
