using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Ledger.WebApi.IntegrationTests.Expenses;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;
using static Ledger.WebApi.IntegrationTests.Settlements.SettlementHttp;

namespace Ledger.WebApi.IntegrationTests.Settlements;

/// <summary>Settlements over HTTP: pending and confirmed, versions (409/412/428), void, bad input.</summary>
public sealed class SettlementEndpointsTests
{
    [Test]
    public async Task Should_confirm_a_pending_settlement_with_its_etag_and_refuse_stale_or_missing_versions()
    {
        using var flat = await CreateAsync();
        await flat.AnaPaidAsync("30.00");
        using var recorded = await PostJsonAsync(
            flat.Ben.HttpClient,
            flat.Settlements(),
            flat.BenPaysAna("15.00")
        );
        var pending = await ReadAsync(recorded, HttpStatusCode.Created);
        pending.GetProperty("status").GetString().Should().Be("pending");
        recorded.Headers.ETag!.Tag.Should().Be("\"1\"");
        var confirm = $"{flat.Settlements()}/{pending.GetProperty("id").GetString()}/confirm";

        using var missing = await PostJsonAsync(flat.Ana.HttpClient, confirm, new JsonObject());
        missing.StatusCode.Should().Be((HttpStatusCode)428);
        using var staleBody = await PostJsonAsync(
            flat.Ana.HttpClient,
            confirm,
            new JsonObject { ["version"] = 7 }
        );
        staleBody.StatusCode.Should().Be(HttpStatusCode.Conflict);
        using var staleTag = new HttpRequestMessage(HttpMethod.Post, confirm)
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        staleTag.Headers.IfMatch.Add(new EntityTagHeaderValue("\"7\""));
        using var staleTagAnswer = await flat.Ana.HttpClient.SendAsync(staleTag);
        staleTagAnswer.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);

        using var confirmed = await PostJsonAsync(
            flat.Ana.HttpClient,
            confirm,
            new JsonObject { ["version"] = 1 }
        );
        (await ReadAsync(confirmed, HttpStatusCode.OK))
            .GetProperty("status")
            .GetString()
            .Should()
            .Be("confirmed");

        using var balances = await flat.Ben.HttpClient.GetAsync(flat.Balances);
        var read = await ReadAsync(balances, HttpStatusCode.OK);
        read.GetProperty("pendingSettlements").GetArrayLength().Should().Be(0);
        read.GetProperty("currencies")[0]
            .GetProperty("members")
            .EnumerateArray()
            .Should()
            .OnlyContain(m => m.GetProperty("net").GetString() == "0.00");
    }

    [Test]
    public async Task Should_let_an_owner_void_a_settlement_with_a_reason_and_keep_it_readable()
    {
        using var flat = await CreateAsync();
        await flat.AnaPaidAsync("30.00");
        using var recorded = await PostJsonAsync(
            flat.Ana.HttpClient,
            flat.Settlements(),
            flat.BenPaysAna("15.00")
        );
        var settlement = await ReadAsync(recorded, HttpStatusCode.Created);
        var url = $"{flat.Settlements()}/{settlement.GetProperty("id").GetString()}";

        using var noReason = await PostJsonAsync(
            flat.Ana.HttpClient,
            $"{url}/void",
            new JsonObject { ["reason"] = "", ["version"] = 1 }
        );
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var voided = await PostJsonAsync(
            flat.Ana.HttpClient,
            $"{url}/void",
            new JsonObject { ["reason"] = TestSupport.Pii.Text("reason"), ["version"] = 1 }
        );
        (await ReadAsync(voided, HttpStatusCode.OK))
            .GetProperty("isVoided")
            .GetBoolean()
            .Should()
            .BeTrue();
        using var read = await flat.Ben.HttpClient.GetAsync(url);
        (await ReadAsync(read, HttpStatusCode.OK)).GetProperty("version").GetInt32().Should().Be(2);
    }

    [Test]
    public async Task Should_export_the_settlements_and_split_payments_of_the_caller()
    {
        using var flat = await CreateAsync();
        var (expense, benSplit) = await flat.AnaPaidAsync("30.00");
        using var paid = await PostJsonAsync(
            flat.Ben.HttpClient,
            flat.Payments(expense, benSplit),
            new JsonObject { ["amount"] = "5.00" }
        );
        paid.EnsureSuccessStatusCode();
        using var settled = await PostJsonAsync(
            flat.Ben.HttpClient,
            flat.Settlements(),
            flat.BenPaysAna("10.00")
        );
        var settlement = await ReadAsync(settled, HttpStatusCode.Created);

        using var export = await flat.Ben.HttpClient.GetAsync("/api/v1/me/export");
        var section = (await ReadAsync(export, HttpStatusCode.OK))
            .GetProperty("sections")
            .GetProperty("settlements");

        section
            .GetProperty("settlements")
            .EnumerateArray()
            .Should()
            .ContainSingle()
            .Which.GetProperty("id")
            .GetString()
            .Should()
            .Be(settlement.GetProperty("id").GetString());
        section
            .GetProperty("splitPayments")
            .EnumerateArray()
            .Should()
            .ContainSingle()
            .Which.GetProperty("amount")
            .GetString()
            .Should()
            .Be("5.00");
    }

    private static IEnumerable<TestCaseData> BadBodies()
    {
        yield return new TestCaseData("amount", (JsonNode)12.5m).SetName("number amount");
        yield return new TestCaseData("amount", (JsonNode)"1.005").SetName("over-precise amount");
        yield return new TestCaseData("amount", (JsonNode)"-1.00").SetName("negative amount");
        yield return new TestCaseData("amount", (JsonNode)"0.00").SetName("zero amount");
        yield return new TestCaseData("amount", (JsonNode)"15.01").SetName("more than owed");
        yield return new TestCaseData("currency", (JsonNode)"XYZ").SetName("unknown currency");
        yield return new TestCaseData("toUserId", (JsonNode)Guid.NewGuid().ToString()).SetName(
            "payee not a member"
        );
    }

    [TestCaseSource(nameof(BadBodies))]
    public async Task Should_answer_400_naming_the_field_for_a_bad_settlement(
        string field,
        JsonNode value
    )
    {
        using var flat = await CreateAsync();
        await flat.AnaPaidAsync("30.00");
        var body = flat.BenPaysAna("1.00");
        body[field] = value;

        using var response = await PostJsonAsync(flat.Ana.HttpClient, flat.Settlements(), body);

        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        problem
            .GetProperty("errors")
            .TryGetProperty(field, out _)
            .Should()
            .BeTrue(problem.ToString());
    }

    [Test]
    public async Task Should_refuse_a_split_payment_above_what_is_owed_and_unknown_fields()
    {
        using var flat = await CreateAsync();
        var (expense, benSplit) = await flat.AnaPaidAsync("30.00");
        using var tooMuch = await PostJsonAsync(
            flat.Ben.HttpClient,
            flat.Payments(expense, benSplit),
            new JsonObject { ["amount"] = "15.01" }
        );
        var problem = await ReadAsync(tooMuch, HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain("15.00 EUR");

        using var smuggled = await PostJsonAsync(
            flat.Ben.HttpClient,
            flat.Payments(expense, benSplit),
            new JsonObject { ["amount"] = "1.00", ["debtorUserId"] = Guid.NewGuid().ToString() }
        );
        smuggled.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var unknownSplit = await PostJsonAsync(
            flat.Ben.HttpClient,
            flat.Payments(expense, Guid.NewGuid().ToString()),
            new JsonObject { ["amount"] = "1.00" }
        );
        unknownSplit.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
