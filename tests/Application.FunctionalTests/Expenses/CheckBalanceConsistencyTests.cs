using AwesomeAssertions;
using Ledger.Application.Balances.Queries.CheckBalanceConsistency;
using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Balances;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Expenses;

public sealed class CheckBalanceConsistencyTests : ExpenseTest
{
    [Test]
    public async Task Should_find_no_drift_after_creates_updates_and_voids()
    {
        var flat = await CreateFlatAsync();
        var first = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        await SendAsync(EqualExpense(flat, flat.Ben, "7.00").ToUpdate(first), flat.Ana);
        await SendAsync(
            Void(await SendAsync(EqualExpense(flat, flat.Cem, "9.99"), flat.Cem)),
            flat.Cem
        );

        var report = await SendAsync(new CheckBalanceConsistency(flat.Group), flat.Ana);

        report.Should().Be(report with { GroupId = flat.Group.Value, IsConsistent = true });
        report.Drifts.Should().BeEmpty();
    }

    [Test]
    public async Task Should_report_each_balance_that_drifted_from_its_history()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        await WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE member_balances SET net_minor_units = net_minor_units + 1 WHERE user_id = {flat.Ben.Value}"
            );
            var phantom = new MemberBalance(flat.Group, flat.Cem, "USD");
            phantom.Add(-500);
            db.MemberBalances.Add(phantom);
            await db.SaveChangesAsync();
        });

        var report = await SendAsync(new CheckBalanceConsistency(flat.Group), flat.Ana);

        report.IsConsistent.Should().BeFalse();
        report
            .Drifts.Should()
            .BeEquivalentTo([
                new BalanceDriftDto("EUR", flat.Ben.Value, "-9.99", "-10.00"),
                new BalanceDriftDto("USD", flat.Cem.Value, "-5.00", "0.00"),
            ]);

        // Repair what the test broke, so the closing check of every scenario holds.
        await WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE member_balances SET net_minor_units = net_minor_units - 1 WHERE user_id = {flat.Ben.Value} AND currency = 'EUR'"
            );
            await db.Database.ExecuteSqlAsync(
                $"UPDATE member_balances SET net_minor_units = 0 WHERE currency = 'USD'"
            );
        });
    }

    [Test]
    public async Task Should_be_for_owners_only()
    {
        var flat = await CreateFlatAsync();

        var asMember = () => SendAsync(new CheckBalanceConsistency(flat.Group), flat.Ben);
        var asStranger = async () =>
            await SendAsync(new CheckBalanceConsistency(flat.Group), await CreateUserAsync());

        await asMember.Should().ThrowAsync<ForbiddenException>();
        await asStranger.Should().ThrowAsync<NotFoundException>();
    }
}
