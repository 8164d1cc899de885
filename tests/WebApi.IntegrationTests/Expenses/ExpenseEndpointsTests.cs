using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Ledger.TestSupport;
using Npgsql;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.Expenses;

/// <summary>The expense endpoints on their happy paths: every split type, versions and ETags, voiding.</summary>
public sealed class ExpenseEndpointsTests : HttpTest
{
    private static IEnumerable<TestCaseData> SplitTypes()
    {
        yield return Case(
            "equal",
            (ana, ben) => new JsonObject { ["type"] = "equal", ["members"] = Ids(ana, ben) },
            "5.00",
            "5.00"
        );
        yield return Case(
            "exact",
            (ana, ben) =>
                new JsonObject
                {
                    ["type"] = "exact",
                    ["amounts"] = new JsonArray(Amount(ana, "7.50"), Amount(ben, "2.50")),
                },
            "7.50",
            "2.50"
        );
        yield return Case(
            "percentage",
            (ana, ben) =>
                new JsonObject
                {
                    ["type"] = "percentage",
                    ["weights"] = new JsonArray(Weight(ana, 33.3m), Weight(ben, 66.7m)),
                },
            "3.33",
            "6.67"
        );
        yield return Case(
            "shares",
            (ana, ben) =>
                new JsonObject
                {
                    ["type"] = "shares",
                    ["weights"] = new JsonArray(Weight(ana, 1m), Weight(ben, 3m)),
                },
            "2.50",
            "7.50"
        );
        yield return Case(
            "itemBased",
            (ana, ben) =>
                new JsonObject
                {
                    ["type"] = "itemBased",
                    ["items"] = new JsonArray(
                        new JsonObject
                        {
                            ["itemId"] = Guid.CreateVersion7().ToString(),
                            ["forUserId"] = ben,
                            ["price"] = "4.00",
                        }
                    ),
                    ["rest"] = new JsonObject { ["type"] = "equal", ["members"] = Ids(ana, ben) },
                },
            "3.00",
            "7.00"
        );

        static TestCaseData Case(
            string name,
            Func<string, string, JsonObject> split,
            string anaOwes,
            string benOwes
        ) => new TestCaseData(split, anaOwes, benOwes).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(SplitTypes))]
    public async Task Should_create_an_expense_of_each_split_type_with_amounts_as_strings(
        Func<string, string, JsonObject> split,
        string anaOwes,
        string benOwes
    )
    {
        using var flat = await CreateAsync();
        var body = flat.ExpenseBody("10.00");
        body["split"] = split(flat.Ana.UserId.Value.ToString(), flat.Ben.UserId.Value.ToString());
        var (list, item) = await flat.CreateListWithItemAsync();
        body["listId"] = list.ToString();
        if (body["split"]!["items"] is JsonArray items)
        {
            items[0]!["itemId"] = item.ToString();
        }

        using var response = await PostJsonAsync(flat.Ana.HttpClient, flat.Expenses, body);

        var expense = await ReadAsync(response, HttpStatusCode.Created);
        response.Headers.ETag!.Tag.Should().Be("\"1\"");
        response
            .Headers.Location!.OriginalString.Should()
            .Be($"{flat.Expenses}/{expense.GetProperty("id").GetGuid()}");
        expense.GetProperty("total").ValueKind.Should().Be(JsonValueKind.String);
        expense.GetProperty("total").GetString().Should().Be("10.00");
        expense.GetProperty("date").GetString().Should().Be("2026-03-01");
        var owed = expense
            .GetProperty("splits")
            .EnumerateArray()
            .ToDictionary(
                s => s.GetProperty("userId").GetGuid(),
                s => s.GetProperty("owed").GetString()
            );
        owed[flat.Ana.UserId.Value].Should().Be(anaOwes);
        owed[flat.Ben.UserId.Value].Should().Be(benOwes);
    }

    [Test]
    public async Task Should_serve_the_expense_with_its_etag_and_update_it_with_if_match()
    {
        using var flat = await CreateAsync();
        using var created = await PostJsonAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            flat.ExpenseBody()
        );
        var url = created.Headers.Location!.OriginalString;

        using var read = await flat.Ben.HttpClient.GetAsync(url);
        (await ReadAsync(read, HttpStatusCode.OK)).GetProperty("version").GetInt32().Should().Be(1);
        read.Headers.ETag!.Tag.Should().Be("\"1\"");

        using var update = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = Json(flat.ExpenseBody("20.00")),
        };
        update.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        using var updated = await flat.Ana.HttpClient.SendAsync(update);

        var body = await ReadAsync(updated, HttpStatusCode.OK);
        body.GetProperty("total").GetString().Should().Be("20.00");
        updated.Headers.ETag!.Tag.Should().Be("\"2\"");
    }

    [Test]
    public async Task Should_answer_412_to_a_stale_if_match_409_to_a_stale_body_version_and_428_without_either()
    {
        using var flat = await CreateAsync();
        using var created = await PostJsonAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            flat.ExpenseBody()
        );
        var url = created.Headers.Location!.OriginalString;
        var current = flat.ExpenseBody("20.00");
        current["version"] = 1;
        using (var first = await flat.Ana.HttpClient.PutAsync(url, Json(current)))
        {
            await ReadAsync(first, HttpStatusCode.OK);
        }

        using var staleIfMatch = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = Json(flat.ExpenseBody("30.00")),
        };
        staleIfMatch.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        using var preconditionFailed = await flat.Ana.HttpClient.SendAsync(staleIfMatch);
        using var conflict = await flat.Ana.HttpClient.PutAsync(url, Json(current));
        using var required = await flat.Ana.HttpClient.PutAsync(
            url,
            Json(flat.ExpenseBody("30.00"))
        );

        (await ReadAsync(preconditionFailed, HttpStatusCode.PreconditionFailed))
            .GetProperty("currentVersion")
            .GetInt32()
            .Should()
            .Be(2);
        preconditionFailed.Headers.ETag!.Tag.Should().Be("\"2\"");
        (await ReadAsync(conflict, HttpStatusCode.Conflict))
            .GetProperty("currentVersion")
            .GetInt32()
            .Should()
            .Be(2);
        await ReadAsync(required, (HttpStatusCode)428);
    }

    [Test]
    public async Task Should_answer_403_to_a_member_changing_someone_elses_expense()
    {
        using var flat = await CreateAsync();
        using var created = await PostJsonAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            flat.ExpenseBody()
        );
        var body = flat.ExpenseBody();
        body["payers"] = new JsonArray(Payer(flat.Ben, "12.50"));
        body["version"] = 1;

        using var response = await flat.Ben.HttpClient.PutAsync(
            created.Headers.Location,
            Json(body)
        );

        await ReadAsync(response, HttpStatusCode.Forbidden);
    }

    // Audit 003 #1: no request can remove a financial record; voiding keeps it readable.
    [Test]
    public async Task Should_void_with_a_reason_keep_the_expense_readable_and_offer_no_delete()
    {
        using var flat = await CreateAsync();
        using var created = await PostJsonAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            flat.ExpenseBody()
        );
        var url = created.Headers.Location!.OriginalString;
        var reason = Pii.Text("reason");

        using var delete = await flat.Ana.HttpClient.DeleteAsync(url);
        using var voided = await flat.Ana.HttpClient.PostAsJsonAsync(
            $"{url}/void",
            new { reason, version = 1 }
        );
        using var read = await flat.Ben.HttpClient.GetAsync(url);

        delete.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        var body = await ReadAsync(voided, HttpStatusCode.OK);
        body.GetProperty("isVoided").GetBoolean().Should().BeTrue();
        body.GetProperty("voidReason").GetString().Should().Be(reason);
        voided.Headers.ETag!.Tag.Should().Be("\"2\"");
        (await ReadAsync(read, HttpStatusCode.OK))
            .GetProperty("isVoided")
            .GetBoolean()
            .Should()
            .BeTrue();
        (await CountExpenseRowsAsync()).Should().Be(1);
        using var document = JsonDocument.Parse(
            await ApiUsers().GetStringAsync("/openapi/v1.json")
        );
        document
            .RootElement.GetProperty("paths")
            .EnumerateObject()
            .Where(path =>
                path.Name.Contains("/expenses", StringComparison.Ordinal)
                && !path.Name.Contains("/receipts", StringComparison.Ordinal)
            )
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => operation.Name))
            .Should()
            .NotContain("delete");
    }

    [Test]
    public async Task Should_require_a_reason_to_void()
    {
        using var flat = await CreateAsync();
        using var created = await PostJsonAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            flat.ExpenseBody()
        );

        using var response = await flat.Ana.HttpClient.PostAsJsonAsync(
            $"{created.Headers.Location}/void",
            new { reason = "", version = 1 }
        );

        (await ReadAsync(response, HttpStatusCode.BadRequest))
            .GetProperty("errors")
            .TryGetProperty("reason", out _)
            .Should()
            .BeTrue();
    }

    [Test]
    public async Task Should_list_with_filters_and_page_with_a_cursor()
    {
        using var flat = await CreateAsync();
        foreach (var date in new[] { "2026-02-27", "2026-03-01", "2026-03-02" })
        {
            var body = flat.ExpenseBody();
            body["date"] = date;
            using var created = await PostJsonAsync(flat.Ana.HttpClient, flat.Expenses, body);
            await ReadAsync(created, HttpStatusCode.Created);
        }

        using var first = await flat.Ben.HttpClient.GetAsync(
            $"{flat.Expenses}?from=2026-03-01&limit=1&member={flat.Ben.UserId.Value}&category=groceries"
        );
        var page = await ReadAsync(first, HttpStatusCode.OK);
        var cursor = page.GetProperty("nextCursor").GetString();
        using var second = await flat.Ben.HttpClient.GetAsync(
            $"{flat.Expenses}?from=2026-03-01&limit=1&member={flat.Ben.UserId.Value}&category=groceries&cursor={Uri.EscapeDataString(cursor!)}"
        );
        var next = await ReadAsync(second, HttpStatusCode.OK);

        page.GetProperty("items")[0].GetProperty("date").GetString().Should().Be("2026-03-02");
        page.GetProperty("items")[0].GetProperty("total").GetString().Should().Be("12.50");
        next.GetProperty("items")[0].GetProperty("date").GetString().Should().Be("2026-03-01");
        next.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [TestCase("from=01.03.2026", "from")]
    [TestCase("to=2026-3-1", "to")]
    [TestCase("limit=1000", "limit")]
    [TestCase("cursor=not-a-cursor", "cursor")]
    public async Task Should_refuse_bad_list_parameters_naming_them(string query, string field)
    {
        using var flat = await CreateAsync();

        using var response = await flat.Ana.HttpClient.GetAsync($"{flat.Expenses}?{query}");

        (await ReadAsync(response, HttpStatusCode.BadRequest))
            .GetProperty("errors")
            .TryGetProperty(field, out _)
            .Should()
            .BeTrue();
    }

    private static JsonArray Ids(string ana, string ben) => new(ana, ben);

    private static JsonObject Amount(string user, string amount) =>
        new() { ["userId"] = user, ["amount"] = amount };

    private static JsonObject Weight(string user, decimal weight) =>
        new() { ["userId"] = user, ["weight"] = weight };

    private static StringContent Json(JsonNode body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static HttpClient ApiUsers() => Support.ApiUsers.AnonymousClient();

    private static async Task<long> CountExpenseRowsAsync()
    {
        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM expenses", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
