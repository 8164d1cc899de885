using AwesomeAssertions;
using Ledger.Application.Balances;
using Ledger.Application.Balances.Queries.GetBalances;
using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Balances;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Expenses;

public sealed class GetBalancesTests : ExpenseTest
{
    [Test]
    public async Task Should_give_each_members_net_per_currency_and_transfers_that_settle_them()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        await SendAsync(
            NewExpense(flat.Group, flat.Ben, "3000", EqualAmong(flat.Ben, flat.Cem), "JPY"),
            flat.Ben
        );

        var balances = await SendAsync(new GetBalances(flat.Group), flat.Cem);

        balances.GroupId.Should().Be(flat.Group.Value);
        balances.Currencies.Select(c => c.Currency).Should().Equal("EUR", "JPY");
        var eur = balances.Currencies[0];
        eur.Members.Should()
            .BeEquivalentTo([
                new MemberBalanceDto(flat.Ana.Value, "20.00"),
                new MemberBalanceDto(flat.Ben.Value, "-10.00"),
                new MemberBalanceDto(flat.Cem.Value, "-10.00"),
            ]);
        eur.SuggestedTransfers.Should()
            .BeEquivalentTo([
                new SuggestedTransferDto(flat.Ben.Value, flat.Ana.Value, "10.00"),
                new SuggestedTransferDto(flat.Cem.Value, flat.Ana.Value, "10.00"),
            ]);
        var jpy = balances.Currencies[1];
        jpy.Members.Should()
            .BeEquivalentTo([
                new MemberBalanceDto(flat.Ben.Value, "1500"),
                new MemberBalanceDto(flat.Cem.Value, "-1500"),
            ]);
        jpy.SuggestedTransfers.Should()
            .Equal(new SuggestedTransferDto(flat.Cem.Value, flat.Ben.Value, "1500"));
    }

    [Test]
    public async Task Should_have_nothing_to_show_before_any_expense()
    {
        var flat = await CreateFlatAsync();

        (await SendAsync(new GetBalances(flat.Group), flat.Ana)).Currencies.Should().BeEmpty();
    }

    // P2: balances are read from the maintained rows, never added up from the history. Rows
    // written without any expense behind them show as they are.
    [Test]
    public async Task Should_read_the_maintained_balances_not_the_history()
    {
        var flat = await CreateFlatAsync();
        await WithDbAsync(async db =>
        {
            var ana = new MemberBalance(flat.Group, flat.Ana, "CHF");
            ana.Add(-250);
            var ben = new MemberBalance(flat.Group, flat.Ben, "CHF");
            ben.Add(250);
            db.MemberBalances.AddRange(ana, ben);
            await db.SaveChangesAsync();
        });

        var balances = await SendAsync(new GetBalances(flat.Group), flat.Ana);

        balances
            .Currencies.Should()
            .ContainSingle()
            .Which.SuggestedTransfers.Should()
            .Equal(new SuggestedTransferDto(flat.Ana.Value, flat.Ben.Value, "2.50"));

        // Not a real history: put the rows back to zero so the closing consistency check holds.
        await WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE member_balances SET net_minor_units = 0")
        );
    }

    [Test]
    public async Task Should_answer_not_found_to_a_stranger()
    {
        var flat = await CreateFlatAsync();

        var act = async () => await SendAsync(new GetBalances(flat.Group), await CreateUserAsync());

        await act.Should().ThrowAsync<NotFoundException>();
    }
}
