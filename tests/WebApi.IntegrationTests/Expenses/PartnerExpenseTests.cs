using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Ledger.Domain.Integrations;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.Expenses;

/// <summary>
/// Partners with a <c>ledger.write</c> grant record expenses for any members and may change or
/// void the ones they recorded; everything else a partner may not do answers 404.
/// </summary>
public sealed class PartnerExpenseTests : HttpTest
{
    [Test]
    public async Task Should_let_a_writing_partner_record_for_any_member_and_change_only_its_own()
    {
        using var flat = await CreateAsync();
        using var admin = await ApiPartners.SignUpAdminAsync();
        var client = await ApiPartners.CreateClientAsync(
            admin,
            IntegrationScopes.Read,
            IntegrationScopes.Write
        );
        await ApiPartners.GrantAsync(
            flat.Ana,
            flat.GroupId,
            client.ClientId,
            IntegrationScopes.Read,
            IntegrationScopes.Write
        );
        using var partner = await ApiPartners.HttpClientAsync(client);
        var bensExpense = flat.ExpenseBody("30.00");
        bensExpense["payers"] = new JsonArray(Payer(flat.Ben, "30.00"));
        using var anasOwn = await PostJsonAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            flat.ExpenseBody()
        );
        var anasUrl = anasOwn.Headers.Location!.OriginalString;

        using var created = await PostJsonAsync(partner, flat.Expenses, bensExpense);
        var expense = await ReadAsync(created, HttpStatusCode.Created);
        var url = created.Headers.Location!.OriginalString;
        var change = flat.ExpenseBody("31.00");
        change["payers"] = new JsonArray(Payer(flat.Ben, "31.00"));
        change["version"] = 1;
        using var changedOwn = await partner.PutAsync(url, Json(change));
        using var changedAnas = await partner.PutAsync(anasUrl, Json(change));
        using var voidedAnas = await partner.PostAsJsonAsync(
            $"{anasUrl}/void",
            new { reason = Pii.Text("reason"), version = 1 }
        );
        using var voidedOwn = await partner.PostAsJsonAsync(
            $"{url}/void",
            new { reason = Pii.Text("reason"), version = 2 }
        );

        expense.GetProperty("createdByClientId").GetString().Should().Be(client.ClientId);
        expense
            .GetProperty("createdByUserId")
            .ValueKind.Should()
            .Be(System.Text.Json.JsonValueKind.Null);
        (await ReadAsync(changedOwn, HttpStatusCode.OK))
            .GetProperty("total")
            .GetString()
            .Should()
            .Be("31.00");
        changedAnas.StatusCode.Should().Be(HttpStatusCode.NotFound);
        voidedAnas.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ReadAsync(voidedOwn, HttpStatusCode.OK))
            .GetProperty("voidedByClientId")
            .GetString()
            .Should()
            .Be(client.ClientId);
    }

    [Test]
    public async Task Should_let_a_reading_partner_read_but_not_record()
    {
        using var flat = await CreateAsync();
        using var admin = await ApiPartners.SignUpAdminAsync();
        var client = await ApiPartners.CreateClientAsync(admin, IntegrationScopes.Read);
        await ApiPartners.GrantAsync(
            flat.Ana,
            flat.GroupId,
            client.ClientId,
            IntegrationScopes.Read
        );
        using var partner = await ApiPartners.HttpClientAsync(client);

        using var listed = await partner.GetAsync(flat.Expenses);
        using var balances = await partner.GetAsync(flat.Balances);
        using var consistency = await partner.GetAsync($"{flat.Balances}/consistency");
        using var created = await PostJsonAsync(partner, flat.Expenses, flat.ExpenseBody());

        listed.StatusCode.Should().Be(HttpStatusCode.OK);
        balances.StatusCode.Should().Be(HttpStatusCode.OK);
        consistency.StatusCode.Should().Be(HttpStatusCode.NotFound);
        created.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static StringContent Json(JsonNode body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
