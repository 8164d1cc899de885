using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.Demo;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Expenses;

/// <summary>
/// A shared flat over HTTP: Ana created the group (owner), Ben joined with her invite. Both
/// signed in through the real flow; requests go through the whole pipeline.
/// </summary>
public sealed class HttpFlat : IDisposable
{
    private HttpFlat(ApiUser ana, ApiUser ben, Guid groupId)
    {
        Ana = ana;
        Ben = ben;
        GroupId = groupId;
    }

    public ApiUser Ana { get; }
    public ApiUser Ben { get; }
    public Guid GroupId { get; }

    public string Expenses => $"/api/v1/groups/{GroupId}/expenses";
    public string Balances => $"/api/v1/groups/{GroupId}/balances";

    /// <summary>Runs a step of <c>--seed-demo</c> on the flat's group as Ana and Ben; whether it added anything.</summary>
    public Task<bool> SeedDemoAsync(Func<DemoFlat, CancellationToken, Task<bool>> step) =>
        step(
            new DemoFlat(
                new DemoData(ApiHost.Factory.Services),
                Ledger.Domain.Common.GroupId.From(GroupId),
                Ana.UserId,
                Ben.UserId,
                TimeProvider.System
            ),
            CancellationToken.None
        );

    public static async Task<HttpFlat> CreateAsync()
    {
        var ana = await ApiUsers.SignUpAsync();
        var ben = await ApiUsers.SignUpAsync();
        using var created = await ana.HttpClient.PostAsJsonAsync(
            "/api/v1/groups",
            new
            {
                name = Pii.Name("Flat"),
                defaultCurrency = "EUR",
                timeZone = "Europe/Berlin",
            }
        );
        var groupId = (await ReadAsync(created, HttpStatusCode.Created))
            .GetProperty("id")
            .GetGuid();
        using var invite = await ana.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{groupId}/invites",
            new { expiresAt = DateTimeOffset.UtcNow.AddDays(1), maxUses = 1 }
        );
        var code = (await ReadAsync(invite, HttpStatusCode.Created))
            .GetProperty("code")
            .GetString();
        using var joined = await ben.HttpClient.PostAsJsonAsync(
            "/api/v1/groups/join",
            new { code }
        );
        await ReadAsync(joined, HttpStatusCode.OK);
        return new HttpFlat(ana, ben, groupId);
    }

    /// <summary>A list of the group with one item on it, as Ana created them: (list id, item id).</summary>
    public async Task<(Guid List, Guid Item)> CreateListWithItemAsync()
    {
        using var list = await Ana.HttpClient.PostAsJsonAsync(
            "/api/v1/lists",
            new { name = Pii.Name("List"), groupId = GroupId }
        );
        var listId = (await ReadAsync(list, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var item = await Ana.HttpClient.PostAsJsonAsync(
            $"/api/v1/lists/{listId}/items",
            new { name = Pii.Name("Item") }
        );
        var itemId = (await ReadAsync(item, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        return (listId, itemId);
    }

    /// <summary>
    /// An expense body as a client writes it: Ana paid <paramref name="total"/> and it is split
    /// equally between Ana and Ben. Tests change fields of the returned JSON to make it wrong.
    /// </summary>
    public JsonObject ExpenseBody(string total = "12.50", string currency = "EUR") =>
        new()
        {
            ["description"] = Pii.Text("expense"),
            ["category"] = "groceries",
            ["currency"] = currency,
            ["total"] = total,
            ["date"] = "2026-03-01",
            ["payers"] = new JsonArray(Payer(Ana, total)),
            ["split"] = new JsonObject
            {
                ["type"] = "equal",
                ["members"] = new JsonArray(
                    Ana.UserId.Value.ToString(),
                    Ben.UserId.Value.ToString()
                ),
            },
        };

    public static JsonObject Payer(ApiUser user, string amount) =>
        new() { ["userId"] = user.UserId.Value.ToString(), ["amount"] = amount };

    public static async Task<HttpResponseMessage> PostJsonAsync(
        HttpClient client,
        string url,
        JsonNode body
    ) =>
        await client.PostAsync(
            url,
            new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json")
        );

    public static async Task<JsonElement> ReadAsync(
        HttpResponseMessage response,
        HttpStatusCode expected
    )
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public void Dispose()
    {
        Ana.Dispose();
        Ben.Dispose();
    }
}
