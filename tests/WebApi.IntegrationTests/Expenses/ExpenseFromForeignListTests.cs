using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.Expenses;

/// <summary>
/// Issue 20 item 11: an expense from a list the caller may not read (another member's personal
/// list) answers exactly as one from a list that does not exist; nothing about its items leaks.
/// </summary>
public sealed class ExpenseFromForeignListTests : HttpTest
{
    [Test]
    public async Task Should_answer_a_foreign_list_like_a_missing_one()
    {
        using var flat = await CreateAsync();
        using var list = await flat.Ana.HttpClient.PostAsJsonAsync(
            "/api/v1/lists",
            new { name = Pii.Name("Private"), currency = "EUR" }
        );
        var listId = (await ReadAsync(list, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var item = await flat.Ana.HttpClient.PostAsJsonAsync(
            $"/api/v1/lists/{listId}/items",
            new { name = Pii.Name("Item") }
        );
        var itemId = (await ReadAsync(item, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var foreign = await FromListAsync(flat, listId, itemId);
        var missing = await FromListAsync(flat, Guid.NewGuid(), itemId);

        foreign.Status.Should().Be(HttpStatusCode.BadRequest, foreign.Body);
        foreign
            .Body.Should()
            .Be(missing.Body.Replace(missing.TraceId, foreign.TraceId, StringComparison.Ordinal));
    }

    private static async Task<(HttpStatusCode Status, string Body, string TraceId)> FromListAsync(
        HttpFlat flat,
        Guid listId,
        Guid itemId
    )
    {
        using var response = await flat.Ben.HttpClient.PostAsJsonAsync(
            $"{flat.Expenses}/from-list",
            new
            {
                listId,
                description = Pii.Text("from list"),
                category = "groceries",
                date = "2026-03-01",
                items = new[] { new { itemId } },
            }
        );
        var body = await response.Content.ReadAsStringAsync();
        using var document = System.Text.Json.JsonDocument.Parse(body);
        return (
            response.StatusCode,
            body,
            document.RootElement.GetProperty("traceId").GetString()!
        );
    }
}
