using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.Settlements;

/// <summary>
/// Issue 20 item 13: racing settle-ups of one suggested transfer: one pays it, and every loser
/// gets the same answer (404: the balances suggest no such transfer any more), never a mix.
/// </summary>
public sealed class SettleUpRaceTests : HttpTest
{
    private const int Racers = 8;

    [Test]
    public async Task Should_answer_every_loser_of_a_settle_up_race_with_404()
    {
        using var flat = await CreateAsync();
        using (
            var created = await PostJsonAsync(
                flat.Ana.HttpClient,
                flat.Expenses,
                flat.ExpenseBody()
            )
        )
        {
            created.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using var start = new SemaphoreSlim(0);
        var racers = Enumerable
            .Range(0, Racers)
            .Select(async _ =>
            {
                await start.WaitAsync();
                // The payee records it: confirmed at once, it changes the balances.
                using var response = await flat.Ana.HttpClient.PostAsJsonAsync(
                    $"/api/v1/groups/{flat.GroupId}/settlements/settle-up",
                    new
                    {
                        fromUserId = flat.Ben.UserId.Value,
                        toUserId = flat.Ana.UserId.Value,
                        currency = "EUR",
                    }
                );
                return response.StatusCode;
            })
            .ToList();
        start.Release(Racers);
        var statuses = await Task.WhenAll(racers);

        statuses
            .Count(s => s == HttpStatusCode.Created)
            .Should()
            .Be(1, string.Join(", ", statuses));
        statuses
            .Where(s => s != HttpStatusCode.Created)
            .Should()
            .AllBeEquivalentTo(HttpStatusCode.NotFound, string.Join(", ", statuses));
    }
}
