using System.Net;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Ledger.WebApi.Demo;
using Ledger.WebApi.IntegrationTests.Expenses;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;
using static Ledger.WebApi.IntegrationTests.Settlements.SettlementHttp;

namespace Ledger.WebApi.IntegrationTests.Settlements;

/// <summary>The README's settle-up walkthrough, on the demo month: every balance ends at zero.</summary>
public sealed class DemoSettleUpTests : HttpTest
{
    [Test]
    public async Task Should_settle_the_demo_month_to_zero_by_paying_each_suggested_transfer_as_its_payee()
    {
        using var flat = await CreateAsync();
        await flat.SeedDemoAsync(DemoExpenses.SeedAsync);
        using var before = await flat.Ana.HttpClient.GetAsync(flat.Balances);
        var transfers = (await ReadAsync(before, HttpStatusCode.OK))
            .GetProperty("currencies")
            .EnumerateArray()
            .SelectMany(c =>
                c.GetProperty("suggestedTransfers")
                    .EnumerateArray()
                    .Select(t => (Currency: c.GetProperty("currency").GetString()!, Transfer: t))
            )
            .ToArray();
        transfers.Should().NotBeEmpty();

        foreach (var (currency, transfer) in transfers)
        {
            var payee =
                transfer.GetProperty("toUserId").GetGuid() == flat.Ana.UserId.Value
                    ? flat.Ana
                    : flat.Ben;
            using var paid = await PostWithKeyAsync(
                payee.HttpClient,
                $"{flat.Settlements()}/settle-up",
                new JsonObject
                {
                    ["fromUserId"] = transfer.GetProperty("fromUserId").GetString(),
                    ["toUserId"] = transfer.GetProperty("toUserId").GetString(),
                    ["currency"] = currency,
                },
                Guid.NewGuid().ToString()
            );
            var settlement = await ReadAsync(paid, HttpStatusCode.Created);
            settlement.GetProperty("status").GetString().Should().Be("confirmed");
            settlement
                .GetProperty("amount")
                .GetString()
                .Should()
                .Be(transfer.GetProperty("amount").GetString());
        }

        using var after = await flat.Ben.HttpClient.GetAsync(flat.Balances);
        var balances = await ReadAsync(after, HttpStatusCode.OK);
        balances
            .GetProperty("currencies")
            .EnumerateArray()
            .SelectMany(c => c.GetProperty("members").EnumerateArray())
            .Select(m => m.GetProperty("net").GetString()!)
            .Should()
            .OnlyContain(net => net.Trim('0', '.') == string.Empty);
        balances
            .GetProperty("currencies")
            .EnumerateArray()
            .Should()
            .OnlyContain(c => c.GetProperty("suggestedTransfers").GetArrayLength() == 0);
    }
}
