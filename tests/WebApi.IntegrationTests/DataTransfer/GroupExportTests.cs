using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Expenses;
using Ledger.WebApi.IntegrationTests.Settlements;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.DataTransfer;

/// <summary>
/// The group export through the real pipeline: JSON that imports back into another group with
/// the same balances (a random history, the property the issue asks for), and CSV as a
/// spreadsheet may safely open it.
/// </summary>
public sealed class GroupExportTests : HttpTest
{
    [TestCase(17)]
    public async Task Should_export_json_that_imports_into_a_new_group_with_identical_balances(
        int seed
    )
    {
        using var source = await HttpFlat.CreateAsync();
        await RandomHistoryAsync(source, new Random(seed));
        var before = await source.BalancesAsync();
        before.Should().NotBeEmpty();

        using var export = await source.Ben.HttpClient.GetAsync(source.Export("json"));
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        var json = await export.Content.ReadAsStringAsync();
        var document = DataTransferHttp.Parse(json);
        document.GetProperty("format").GetString().Should().Be("ledger-group-export");
        document
            .GetProperty("expenses")
            .EnumerateArray()
            .Should()
            .Contain(e =>
                e.GetProperty("voidedAt").ValueKind != System.Text.Json.JsonValueKind.Null
            );

        using var target = await HttpFlat.CreateAsync();
        var people = new Dictionary<string, Guid>
        {
            [source.Ana.UserId.Value.ToString()] = target.Ana.UserId.Value,
            [source.Ben.UserId.Value.ToString()] = target.Ben.UserId.Value,
        };
        using var imported = await target.ImportAsync("ledger", json, people);
        var result = await ReadAsync(imported, HttpStatusCode.OK);
        result.GetProperty("problems").GetArrayLength().Should().Be(0);

        var after = await target.BalancesAsync();
        after[target.Ana.UserId.Value].Should().Equal(before[source.Ana.UserId.Value]);
        after[target.Ben.UserId.Value].Should().Equal(before[source.Ben.UserId.Value]);
    }

    [Test]
    public async Task Should_export_csv_with_one_row_per_record_and_formulas_neutralised()
    {
        using var flat = await HttpFlat.CreateAsync();
        var body = flat.ExpenseBody("12.50");
        body["description"] = "=HYPERLINK(\"http://evil.example\",\"click\")";
        using var created = await PostJsonAsync(flat.Ana.HttpClient, flat.Expenses, body);
        await ReadAsync(created, HttpStatusCode.Created);

        using var export = await flat.Ana.HttpClient.GetAsync(flat.Export("csv"));
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await export.Content.ReadAsStringAsync()).Split(
            "\r\n",
            StringSplitOptions.RemoveEmptyEntries
        );

        lines[0].Should().StartWith("record,id,parent_id,date,description");
        lines
            .Should()
            .Contain(l =>
                l.StartsWith("expense,", StringComparison.Ordinal)
                && l.Contains("\"'=HYPERLINK(", StringComparison.Ordinal)
            );
        lines
            .Should()
            .NotContain(l =>
                l.Contains(",=", StringComparison.Ordinal)
                || l.Contains(",\"=", StringComparison.Ordinal)
            );
        lines.Count(l => l.StartsWith("split,", StringComparison.Ordinal)).Should().Be(2);
        lines
            .Should()
            .Contain(l =>
                l.StartsWith("balance,", StringComparison.Ordinal)
                && l.Contains(",-6.25,", StringComparison.Ordinal)
            );
    }

    [Test]
    public async Task Should_refuse_an_unknown_format_with_a_problem()
    {
        using var flat = await HttpFlat.CreateAsync();

        using var export = await flat.Ana.HttpClient.GetAsync(flat.Export("xlsx"));

        export.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        export.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    /// <summary>Random expenses between Ana and Ben (one voided), a split payment and a settlement.</summary>
    private static async Task RandomHistoryAsync(HttpFlat flat, Random random)
    {
        string Amount(int min, int max) =>
            (random.Next(min, max) / 100m).ToString("F2", CultureInfo.InvariantCulture);

        string? lastId = null;
        for (var i = 0; i < 6; i++)
        {
            var payer = random.Next(2) == 0 ? flat.Ana : flat.Ben;
            var total = Amount(100, 20000);
            var body = flat.ExpenseBody(total, i == 0 || random.Next(3) == 0 ? "JPY" : "EUR");
            if (body["currency"]!.GetValue<string>() == "JPY")
            {
                total = random.Next(100, 20000).ToString(CultureInfo.InvariantCulture);
                body["total"] = total;
            }

            body["payers"] = new JsonArray(Payer(payer, total));
            using var created = await PostJsonAsync(payer.HttpClient, flat.Expenses, body);
            lastId = (await ReadAsync(created, HttpStatusCode.Created))
                .GetProperty("id")
                .GetString();
        }

        using var voided = await PostJsonAsync(
            flat.Ana.HttpClient,
            $"{flat.Expenses}/{lastId}/void",
            new JsonObject { ["reason"] = Pii.Text("reason"), ["version"] = 1 }
        );
        voided.IsSuccessStatusCode.Should().BeTrue(await voided.Content.ReadAsStringAsync());

        var (expense, benSplit) = await flat.AnaPaidAsync("40.00");
        using var paid = await PostJsonAsync(
            flat.Ben.HttpClient,
            flat.Payments(expense, benSplit),
            new JsonObject { ["amount"] = "5.00" }
        );
        await ReadAsync(paid, HttpStatusCode.Created);
        // A settlement in the direction someone owes (recorded by the payee: confirmed at once).
        var balances = await flat.BalancesAsync();
        var benOwes =
            balances.TryGetValue(flat.Ben.UserId.Value, out var ben)
            && ben.Any(b => b.StartsWith("EUR:-", StringComparison.Ordinal));
        var (from, payee) = benOwes ? (flat.Ben, flat.Ana) : (flat.Ana, flat.Ben);
        using var settled = await PostJsonAsync(
            payee.HttpClient,
            flat.Settlements(),
            new JsonObject
            {
                ["fromUserId"] = from.UserId.Value.ToString(),
                ["toUserId"] = payee.UserId.Value.ToString(),
                ["currency"] = "EUR",
                ["amount"] = "1.00",
            }
        );
        await ReadAsync(settled, HttpStatusCode.Created);
    }
}
