using System.Net;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using static Ledger.WebApi.IntegrationTests.Lists.HouseholdHttp;

namespace Ledger.WebApi.IntegrationTests.Lists;

/// <summary>
/// R3 and audit 003 #17: fifty phones updating one list item from the same version. Exactly one
/// wins; every other one is told it lost — 409 with the version in the body, 412 with If-Match —
/// and no update is silently lost.
/// </summary>
public sealed class ListItemConcurrencyTests : HttpTest
{
    private const string LockList = "SELECT 1 FROM lists WHERE id = @id FOR UPDATE";

    [Test]
    public async Task Should_let_one_of_fifty_concurrent_updates_with_the_version_in_the_body_win()
    {
        using var alice = await ApiUsers.SignUpAsync();
        var listId = await ListEndpointsTests.PersonalListAsync(alice);
        var itemId = await ListEndpointsTests.AddItemAsync(alice, listId);
        var names = Enumerable.Range(0, 50).Select(_ => Pii.Name()).ToArray();

        var responses = await RaceOnRowAsync(
            LockList,
            listId,
            50,
            i =>
                SendAsync(
                    alice.HttpClient,
                    HttpMethod.Put,
                    $"/api/v1/lists/{listId}/items/{itemId}",
                    new { name = names[i], version = 1 }
                )
        );

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(49);
        var winner = Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.OK);
        var item = (
            await SendOkAsync(alice.HttpClient, HttpMethod.Get, $"/api/v1/lists/{listId}")
        ).GetProperty("items")[0];
        (item.GetProperty("name").GetString(), item.GetProperty("version").GetInt32())
            .Should()
            .Be((names[winner], 2));
        Dispose(responses);
    }

    [Test]
    public async Task Should_let_one_of_fifty_concurrent_updates_with_if_match_win_and_answer_412()
    {
        using var alice = await ApiUsers.SignUpAsync();
        var listId = await ListEndpointsTests.PersonalListAsync(alice);
        var itemId = await ListEndpointsTests.AddItemAsync(alice, listId);

        var responses = await RaceOnRowAsync(
            LockList,
            listId,
            50,
            _ =>
                SendAsync(
                    alice.HttpClient,
                    HttpMethod.Post,
                    $"/api/v1/lists/{listId}/items/{itemId}/bought",
                    new { price = "2.00" },
                    ifMatch: "\"1\""
                )
        );

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        refused.Should().HaveCount(49);
        refused
            .Should()
            .AllSatisfy(r =>
            {
                r.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
                r.Headers.ETag!.Tag.Should().Be("\"2\"");
            });
        Dispose(responses);
    }

    private static void Dispose(IEnumerable<HttpResponseMessage> responses)
    {
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
