using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.WebApi.IntegrationTests.Expenses;
using Ledger.WebApi.IntegrationTests.Support;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.DataTransfer;

/// <summary>Export and import requests as a client writes them.</summary>
internal static class DataTransferHttp
{
    public static string Export(this HttpFlat flat, string format) =>
        $"/api/v1/groups/{flat.GroupId}/export?format={format}";

    public static string Imports(this HttpFlat flat, bool dryRun = false) =>
        $"/api/v1/groups/{flat.GroupId}/imports" + (dryRun ? "?dryRun=true" : "");

    public static async Task<HttpResponseMessage> ImportAsync(
        this HttpFlat flat,
        string format,
        string content,
        Dictionary<string, Guid> people,
        bool dryRun = false,
        string? key = null,
        ApiUser? caller = null
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, flat.Imports(dryRun))
        {
            Content = JsonContent.Create(
                new
                {
                    format,
                    content,
                    people,
                }
            ),
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return await (caller ?? flat.Ana).HttpClient.SendAsync(request);
    }

    /// <summary>Each member's net per currency, as "currency:net" by user id.</summary>
    public static async Task<Dictionary<Guid, List<string>>> BalancesAsync(this HttpFlat flat)
    {
        using var response = await flat.Ana.HttpClient.GetAsync(flat.Balances);
        var balances = await ReadAsync(response, HttpStatusCode.OK);
        var result = new Dictionary<Guid, List<string>>();
        foreach (var currency in balances.GetProperty("currencies").EnumerateArray())
        {
            foreach (var member in currency.GetProperty("members").EnumerateArray())
            {
                var user = member.GetProperty("userId").GetGuid();
                var net = member.GetProperty("net").GetString()!;
                if (decimal.Parse(net, System.Globalization.CultureInfo.InvariantCulture) == 0m)
                {
                    continue;
                }

                result.TryAdd(user, []);
                result[user].Add($"{currency.GetProperty("currency").GetString()}:{net}");
            }
        }

        return result;
    }

    public static async Task<int> ExpenseCountAsync(this HttpFlat flat)
    {
        using var response = await flat.Ana.HttpClient.GetAsync($"{flat.Expenses}?limit=100");
        var page = await ReadAsync(response, HttpStatusCode.OK);
        return page.GetProperty("items").GetArrayLength();
    }

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
