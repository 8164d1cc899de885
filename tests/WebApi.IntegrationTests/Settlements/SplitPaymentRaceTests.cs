using System.Net;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Ledger.WebApi.IntegrationTests.Expenses;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.Settlements;

/// <summary>
/// R1 through HTTP: 200 payments of 1.00 race against a split that owes 50.00. The split's row
/// lock in the over-settlement behaviour lets exactly 50 through and refuses the rest with 400
/// naming what remains; the split ends settled at exactly 50.00. Several rounds, each on a
/// fresh expense, so a lucky interleaving cannot pass for a correct one.
/// </summary>
public sealed class SplitPaymentRaceTests
{
    private const int Payments = 200;

    [Test]
    public async Task Should_let_exactly_the_owed_amount_through_when_200_payments_race()
    {
        using var flat = await CreateAsync();
        for (var round = 0; round < 3; round++)
        {
            var (expense, benSplit) = await flat.AnaPaidAsync("100.00");
            var url = flat.Payments(expense, benSplit);
            var start = new TaskCompletionSource();

            var racers = Enumerable
                .Range(0, Payments)
                .Select(async _ =>
                {
                    await start.Task;
                    using var response = await PostJsonAsync(
                        flat.Ben.HttpClient,
                        url,
                        new JsonObject { ["amount"] = "1.00" }
                    );
                    return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
                })
                .ToArray();
            start.SetResult();
            var answers = await Task.WhenAll(racers);

            answers.Count(a => a.StatusCode == HttpStatusCode.Created).Should().Be(50);
            answers
                .Where(a => a.StatusCode != HttpStatusCode.Created)
                .Should()
                .OnlyContain(a =>
                    a.StatusCode == HttpStatusCode.BadRequest && a.Body.Contains("0.00 EUR")
                );
            using var read = await flat.Ben.HttpClient.GetAsync(
                $"{flat.Expenses}/{expense.GetProperty("id").GetString()}"
            );
            var split = (await ReadAsync(read, HttpStatusCode.OK))
                .GetProperty("splits")
                .EnumerateArray()
                .Single(s => s.GetProperty("id").GetString() == benSplit);
            split.GetProperty("settled").GetString().Should().Be("50.00");
            split.GetProperty("status").GetString().Should().Be("paid");
        }

        using var consistency = await flat.Ana.HttpClient.GetAsync($"{flat.Balances}/consistency");
        (await ReadAsync(consistency, HttpStatusCode.OK))
            .GetProperty("isConsistent")
            .GetBoolean()
            .Should()
            .BeTrue();
    }
}
