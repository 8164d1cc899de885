using System.Net;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.RecurringExpenses;

/// <summary>
/// Issue 19 item 7: the recurring-expense list is cursor-paged like every other list (no cap at
/// 200): pages of <c>limit</c> items, oldest first, <c>nextCursor</c> until the last page, and a
/// cursor of another listing refused with a 400.
/// </summary>
public sealed class RecurringExpensePagingTests : HttpTest
{
    [Test]
    public async Task Should_page_the_recurring_expenses_with_a_cursor()
    {
        using var flat = await CreateAsync();
        var url = $"/api/v1/groups/{flat.GroupId}/recurring-expenses";
        var created = new List<string>();
        foreach (var start in new[] { "2030-01-05", "2030-01-06", "2030-01-07" })
        {
            var body = flat.ExpenseBody("30.00");
            body.Remove("date");
            body["recurrence"] = new JsonObject
            {
                ["frequency"] = "monthly",
                ["interval"] = 1,
                ["start"] = start,
            };
            using var response = await PostJsonAsync(flat.Ana.HttpClient, url, body);
            created.Add(
                (await ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!
            );
        }

        using var first = await flat.Ben.HttpClient.GetAsync($"{url}?limit=2");
        var firstPage = await ReadAsync(first, HttpStatusCode.OK);
        var cursor = firstPage.GetProperty("nextCursor").GetString();
        using var second = await flat.Ben.HttpClient.GetAsync(
            $"{url}?limit=2&cursor={Uri.EscapeDataString(cursor!)}"
        );
        var secondPage = await ReadAsync(second, HttpStatusCode.OK);
        using var otherListing = await flat.Ben.HttpClient.GetAsync(
            $"{url}?limit=2&includeEnded=true&cursor={Uri.EscapeDataString(cursor!)}"
        );
        using var tooMany = await flat.Ben.HttpClient.GetAsync($"{url}?limit=101");

        firstPage
            .GetProperty("items")
            .EnumerateArray()
            .Concat(secondPage.GetProperty("items").EnumerateArray())
            .Select(item => item.GetProperty("id").GetString())
            .Should()
            .Equal(created);
        secondPage.GetProperty("items").GetArrayLength().Should().Be(1);
        secondPage
            .GetProperty("nextCursor")
            .ValueKind.Should()
            .Be(System.Text.Json.JsonValueKind.Null);
        otherListing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        tooMany.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
