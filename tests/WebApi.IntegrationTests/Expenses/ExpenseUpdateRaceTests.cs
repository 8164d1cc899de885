using System.Net;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Ledger.TestSupport;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;
using static Ledger.WebApi.IntegrationTests.Lists.HouseholdHttp;

namespace Ledger.WebApi.IntegrationTests.Expenses;

/// <summary>
/// R3 for expenses over HTTP: fifty updates of one expense read at the same version, all
/// queued on the expense's row before any of them writes. Exactly one wins; every other one is
/// told it lost (409 with the version in the body, 412 with its current ETag under If-Match),
/// and what is stored is the winner's update: nothing is lost silently.
/// </summary>
public sealed class ExpenseUpdateRaceTests : HttpTest
{
    private const string LockExpense = "SELECT 1 FROM expenses WHERE id = @id FOR UPDATE";
    private const int Requests = 50;

    [TestCase(
        false,
        HttpStatusCode.Conflict,
        TestName = "R3 expense: version in the body, 1 x 200 and 49 x 409"
    )]
    [TestCase(
        true,
        HttpStatusCode.PreconditionFailed,
        TestName = "R3 expense: If-Match, 1 x 200 and 49 x 412"
    )]
    public async Task Should_let_one_of_fifty_concurrent_updates_win(
        bool ifMatch,
        HttpStatusCode refusal
    )
    {
        using var flat = await CreateAsync();
        using var created = await PostJsonAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            flat.ExpenseBody()
        );
        var expense = (await ReadAsync(created, HttpStatusCode.Created))
            .GetProperty("id")
            .GetGuid();
        var url = $"{flat.Expenses}/{expense}";
        var bodies = Enumerable
            .Range(0, Requests)
            .Select(i =>
            {
                var body = flat.ExpenseBody($"{20 + i}.00");
                if (!ifMatch)
                {
                    body["version"] = 1;
                }

                return body;
            })
            .ToArray();

        var responses = await RaceOnRowAsync(
            LockExpense,
            expense,
            Requests,
            i =>
                SendAsync(
                    flat.Ana.HttpClient,
                    HttpMethod.Put,
                    url,
                    bodies[i],
                    ifMatch ? "\"1\"" : null
                )
        );

        try
        {
            responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
            var refused = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
            refused.Should().HaveCount(Requests - 1);
            refused
                .Should()
                .AllSatisfy(r =>
                {
                    r.StatusCode.Should().Be(refusal);
                    r.Headers.ETag!.Tag.Should().Be("\"2\"");
                });
            var winner = Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.OK);
            using var read = await flat.Ben.HttpClient.GetAsync(url);
            var stored = await ReadAsync(read, HttpStatusCode.OK);
            (
                stored.GetProperty("version").GetInt32(),
                stored.GetProperty("total").GetString(),
                stored.GetProperty("description").GetString()
            )
                .Should()
                .Be(
                    (
                        2,
                        bodies[winner]["total"]!.GetValue<string>(),
                        bodies[winner]["description"]!.GetValue<string>()
                    )
                );
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }
}
