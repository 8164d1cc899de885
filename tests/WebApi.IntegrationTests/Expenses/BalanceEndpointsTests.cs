using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.Expenses;

/// <summary>Balances and suggested transfers over HTTP, their consistency check, and the balance rules of membership.</summary>
public sealed class BalanceEndpointsTests : HttpTest
{
    [Test]
    public async Task Should_show_balances_per_currency_with_suggested_transfers_as_strings()
    {
        using var flat = await CreateAsync();
        await CreateExpenseAsync(flat, flat.ExpenseBody("12.50"));
        var yen = flat.ExpenseBody("1001", "JPY");
        yen["payers"] = new JsonArray(Payer(flat.Ben, "1001"));
        await CreateExpenseAsync(flat, yen, asBen: true);

        using var response = await flat.Ben.HttpClient.GetAsync(flat.Balances);

        var balances = await ReadAsync(response, HttpStatusCode.OK);
        var currencies = balances.GetProperty("currencies").EnumerateArray().ToList();
        currencies.Select(c => c.GetProperty("currency").GetString()).Should().Equal("EUR", "JPY");
        Nets(currencies[0])
            .Should()
            .BeEquivalentTo(
                new Dictionary<Guid, string>
                {
                    [flat.Ana.UserId.Value] = "6.25",
                    [flat.Ben.UserId.Value] = "-6.25",
                }
            );
        Transfers(currencies[0])
            .Should()
            .Equal((flat.Ben.UserId.Value, flat.Ana.UserId.Value, "6.25"));
        // 1001 yen split in two: the leftover yen goes to the first member named, Ana.
        Nets(currencies[1])
            .Should()
            .BeEquivalentTo(
                new Dictionary<Guid, string>
                {
                    [flat.Ana.UserId.Value] = "-501",
                    [flat.Ben.UserId.Value] = "501",
                }
            );
        Transfers(currencies[1])
            .Should()
            .Equal((flat.Ana.UserId.Value, flat.Ben.UserId.Value, "501"));
    }

    [Test]
    public async Task Should_let_owners_check_consistency_and_refuse_members()
    {
        using var flat = await CreateAsync();
        await CreateExpenseAsync(flat, flat.ExpenseBody("12.50"));

        using var asOwner = await flat.Ana.HttpClient.GetAsync($"{flat.Balances}/consistency");
        using var asMember = await flat.Ben.HttpClient.GetAsync($"{flat.Balances}/consistency");

        var report = await ReadAsync(asOwner, HttpStatusCode.OK);
        report.GetProperty("isConsistent").GetBoolean().Should().BeTrue();
        report.GetProperty("drifts").GetArrayLength().Should().Be(0);
        asMember.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Should_answer_409_naming_the_currency_when_a_member_with_a_balance_leaves()
    {
        using var flat = await CreateAsync();
        await CreateExpenseAsync(flat, flat.ExpenseBody("12.50"));

        using var response = await flat.Ben.HttpClient.PostAsync(
            $"/api/v1/groups/{flat.GroupId}/leave",
            null
        );

        var problem = await ReadAsync(response, HttpStatusCode.Conflict);
        problem.GetProperty("code").GetString().Should().Be("balance.open");
        problem.GetProperty("detail").GetString().Should().Contain("EUR");
    }

    private static async Task CreateExpenseAsync(HttpFlat flat, JsonObject body, bool asBen = false)
    {
        using var response = await PostJsonAsync(
            (asBen ? flat.Ben : flat.Ana).HttpClient,
            flat.Expenses,
            body
        );
        await ReadAsync(response, HttpStatusCode.Created);
    }

    private static Dictionary<Guid, string?> Nets(JsonElement currency) =>
        currency
            .GetProperty("members")
            .EnumerateArray()
            .ToDictionary(
                m => m.GetProperty("userId").GetGuid(),
                m => m.GetProperty("net").GetString()
            );

    private static List<(Guid, Guid, string?)> Transfers(JsonElement currency) =>
        currency
            .GetProperty("suggestedTransfers")
            .EnumerateArray()
            .Select(t =>
                (
                    t.GetProperty("fromUserId").GetGuid(),
                    t.GetProperty("toUserId").GetGuid(),
                    t.GetProperty("amount").GetString()
                )
            )
            .ToList();
}
