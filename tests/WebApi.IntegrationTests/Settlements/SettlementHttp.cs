using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.WebApi.IntegrationTests.Expenses;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.Settlements;

/// <summary>Requests settling-up tests share, written as a client writes them.</summary>
internal static class SettlementHttp
{
    public static string Settlements(this HttpFlat flat) =>
        $"/api/v1/groups/{flat.GroupId}/settlements";

    /// <summary>Ana paid <paramref name="total"/>, split equally with Ben: returns the expense and Ben's split id.</summary>
    public static async Task<(JsonElement Expense, string BenSplit)> AnaPaidAsync(
        this HttpFlat flat,
        string total
    )
    {
        using var created = await PostJsonAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            flat.ExpenseBody(total)
        );
        var expense = await ReadAsync(created, HttpStatusCode.Created);
        var split = expense
            .GetProperty("splits")
            .EnumerateArray()
            .Single(s => s.GetProperty("userId").GetGuid() == flat.Ben.UserId.Value)
            .GetProperty("id")
            .GetString()!;
        return (expense, split);
    }

    public static string Payments(this HttpFlat flat, JsonElement expense, string splitId) =>
        $"{flat.Expenses}/{expense.GetProperty("id").GetString()}/splits/{splitId}/payments";

    public static JsonObject BenPaysAna(this HttpFlat flat, string amount) =>
        new()
        {
            ["fromUserId"] = flat.Ben.UserId.Value.ToString(),
            ["toUserId"] = flat.Ana.UserId.Value.ToString(),
            ["currency"] = "EUR",
            ["amount"] = amount,
        };

    public static async Task<HttpResponseMessage> PostWithKeyAsync(
        HttpClient client,
        string url,
        JsonNode body,
        string? key
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(
                body.ToJsonString(),
                System.Text.Encoding.UTF8,
                "application/json"
            ),
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }
}
