using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.Expenses;

/// <summary>
/// R5 for expenses: bad amounts, currencies, sums and members answer 400 with the field named
/// in <c>errors</c>, never a 5xx, and never internal detail. Every request here is refused and
/// changes nothing, so the tests share one flat, made once (signing in is the slow part).
/// </summary>
public sealed class ExpenseBadInputTests
{
    private HttpFlat? _flat;

    private HttpFlat Flat => _flat ?? throw new InvalidOperationException("Not set up.");

    [OneTimeSetUp]
    public async Task CreateFlatAsync()
    {
        await ApiHost.Database.ResetAsync();
        _flat = await CreateAsync();
    }

    [OneTimeTearDown]
    public void DisposeFlat() => _flat?.Dispose();

    private static IEnumerable<TestCaseData> BadBodies()
    {
        yield return Case("over-precise total", (b, _) => b["total"] = "12.505", "total");
        yield return Case("over-precise for JPY", (b, _) => b["currency"] = "JPY", "total");
        yield return Case("negative total", (b, _) => b["total"] = "-12.50", "total");
        yield return Case("huge total", (b, _) => b["total"] = "1000000000000.00", "total");
        yield return Case(
            "absurdly long total",
            (b, _) => b["total"] = new string('9', 400),
            "total"
        );
        yield return Case("exponent", (b, _) => b["total"] = "1.25e1", "total");
        yield return Case("number literal total", (b, _) => b["total"] = 12.50m, "total");
        yield return Case(
            "number literal payer amount",
            (b, _) => b["payers"]![0]!["amount"] = 12.50m,
            "payers[0].amount"
        );
        yield return Case(
            "negative payer amount",
            (b, _) => b["payers"]![0]!["amount"] = "-12.50",
            "payers[0].amount"
        );
        yield return Case("unknown currency", (b, _) => b["currency"] = "XYZ", "currency");
        yield return Case("lower-case currency", (b, _) => b["currency"] = "eur", "currency");
        yield return Case(
            "zero total",
            (b, _) =>
            {
                b["total"] = "0.00";
                b["payers"]![0]!["amount"] = "0.00";
            },
            "total"
        );
        yield return Case(
            "payers not summing",
            (b, _) => b["payers"]![0]!["amount"] = "12.49",
            "payers"
        );
        yield return Case(
            "exact splits not summing",
            (b, f) =>
                b["split"] = new JsonObject
                {
                    ["type"] = "exact",
                    ["amounts"] = new JsonArray(Payer(f.Ana, "6.25"), Payer(f.Ben, "6.24")),
                },
            "split.amounts"
        );
        yield return Case(
            "percentages not summing",
            (b, f) =>
                b["split"] = new JsonObject
                {
                    ["type"] = "percentage",
                    ["weights"] = new JsonArray(
                        new JsonObject
                        {
                            ["userId"] = f.Ana.UserId.Value.ToString(),
                            ["weight"] = 99,
                        }
                    ),
                },
            "split.percentages"
        );
        yield return Case(
            "payer outside the group",
            (b, _) => b["payers"]![0]!["userId"] = Guid.CreateVersion7().ToString(),
            "payers"
        );
        yield return Case(
            "split member outside the group",
            (b, f) =>
                b["split"]!["members"] = new JsonArray(
                    f.Ana.UserId.Value.ToString(),
                    Guid.CreateVersion7().ToString()
                ),
            "split"
        );
        yield return Case(
            "split list of another type",
            (b, f) => b["split"]!["amounts"] = new JsonArray(Payer(f.Ana, "12.50")),
            "split.amounts"
        );
        yield return Case(
            "item-based without a list",
            (b, f) =>
                b["split"] = new JsonObject
                {
                    ["type"] = "itemBased",
                    ["items"] = new JsonArray(
                        new JsonObject
                        {
                            ["itemId"] = Guid.CreateVersion7().ToString(),
                            ["forUserId"] = f.Ben.UserId.Value.ToString(),
                            ["price"] = "12.50",
                        }
                    ),
                },
            "listId"
        );
        yield return Case(
            "unknown split type",
            (b, _) => b["split"]!["type"] = "lottery",
            "split.type"
        );
        yield return Case("no payers", (b, _) => b["payers"] = new JsonArray(), "payers");
        yield return Case("empty description", (b, _) => b["description"] = "  ", "description");
        yield return Case("unknown category", (b, _) => b["category"] = "food", "category");
        yield return Case("category as a number", (b, _) => b["category"] = 1, "category");
        yield return Case("date in another format", (b, _) => b["date"] = "01.03.2026", "date");
        yield return Case("impossible date", (b, _) => b["date"] = "2026-02-30", "date");
        yield return Case("unicode digits", (b, _) => b["total"] = "١٢.٥٠", "total");

        static TestCaseData Case(string name, Action<JsonObject, HttpFlat> breakIt, string field) =>
            new TestCaseData(breakIt, field).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(BadBodies))]
    public async Task Should_answer_400_naming_the_field(
        Action<JsonObject, HttpFlat> breakIt,
        string field
    )
    {
        var flat = Flat;
        var body = flat.ExpenseBody();
        breakIt(body, flat);

        using var response = await PostJsonAsync(flat.Ana.HttpClient, flat.Expenses, body);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(text);
        problem
            .RootElement.GetProperty("errors")
            .EnumerateObject()
            .Select(e => e.Name)
            .Should()
            .Contain(field, text);
        text.Should().NotContainAny("Ledger.", "System.", "Npgsql", "   at ", "expense_");
    }

    [Test]
    public async Task Should_answer_400_to_a_missing_amount_an_unknown_property_and_malformed_json()
    {
        var flat = Flat;
        var missing = flat.ExpenseBody();
        missing.Remove("total");
        var smuggled = flat.ExpenseBody();
        smuggled["createdByUserId"] = flat.Ben.UserId.Value.ToString();

        using var missingResponse = await PostJsonAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            missing
        );
        using var smuggledResponse = await PostJsonAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            smuggled
        );
        using var malformed = await flat.Ana.HttpClient.PostAsync(
            flat.Expenses,
            new StringContent(
                "{\"total\": \"12.50\",",
                System.Text.Encoding.UTF8,
                "application/json"
            )
        );

        missingResponse.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        smuggledResponse.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadAsStringAsync()).Should().NotContainAny("Ledger.", "System.");
    }

    [Test]
    public async Task Should_refuse_bad_update_and_void_bodies_with_400()
    {
        var flat = Flat;
        using var created = await PostJsonAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            flat.ExpenseBody()
        );
        var url = created.Headers.Location!.OriginalString;
        var update = flat.ExpenseBody();
        update["total"] = 12.5m;
        update["version"] = 1;

        using var updated = await flat.Ana.HttpClient.PutAsync(url, Json(update));
        using var voided = await PostJsonAsync(
            flat.Ana.HttpClient,
            $"{url}/void",
            new JsonObject { ["reason"] = 5, ["version"] = 1 }
        );

        (await ReadAsync(updated, HttpStatusCode.BadRequest))
            .GetProperty("errors")
            .TryGetProperty("total", out _)
            .Should()
            .BeTrue();
        (await ReadAsync(voided, HttpStatusCode.BadRequest))
            .GetProperty("errors")
            .TryGetProperty("reason", out _)
            .Should()
            .BeTrue();
    }

    [Test]
    public async Task Should_answer_404_for_unknown_expenses_and_groups_and_401_without_a_token()
    {
        var flat = Flat;
        using var anonymous = ApiUsers.AnonymousClient();

        using var unknownExpense = await flat.Ana.HttpClient.GetAsync(
            $"{flat.Expenses}/{Guid.CreateVersion7()}"
        );
        using var unknownGroup = await flat.Ana.HttpClient.GetAsync(
            $"/api/v1/groups/{Guid.CreateVersion7()}/expenses"
        );
        using var notSignedIn = await anonymous.GetAsync(flat.Expenses);

        unknownExpense.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknownGroup.StatusCode.Should().Be(HttpStatusCode.NotFound);
        notSignedIn.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static StringContent Json(JsonNode body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
