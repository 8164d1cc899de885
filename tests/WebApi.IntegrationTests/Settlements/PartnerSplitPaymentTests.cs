using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Ledger.Domain.Integrations;
using Ledger.WebApi.IntegrationTests.Support;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.Settlements;

/// <summary>
/// Issue 20 item 8: a payment a partner records against a split is pending. It settles nothing
/// and moves no balance until the payee (who received the money) confirms it; declined, it never
/// counts. Only the payee decides.
/// </summary>
public sealed class PartnerSplitPaymentTests : HttpTest
{
    [Test]
    public async Task Should_keep_a_partners_split_payment_pending_until_the_payee_confirms_it()
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
        using var created = await PostJsonAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            flat.ExpenseBody()
        );
        var expense = await ReadAsync(created, HttpStatusCode.Created);
        var expenseUrl = created.Headers.Location!.OriginalString;
        var bensSplit = expense
            .GetProperty("splits")
            .EnumerateArray()
            .Single(s => s.GetProperty("userId").GetGuid() == flat.Ben.UserId.Value)
            .GetProperty("id")
            .GetGuid();
        var payUrl =
            $"{flat.Expenses}/{expense.GetProperty("id").GetGuid()}/splits/{bensSplit}/payments";

        using var declinedOne = await partner.PostAsJsonAsync(payUrl, new { amount = "1.00" });
        using var pendingOne = await partner.PostAsJsonAsync(payUrl, new { amount = "6.25" });
        var toDecline = await ReadAsync(declinedOne, HttpStatusCode.Created);
        var toConfirm = await ReadAsync(pendingOne, HttpStatusCode.Created);
        pendingOne.Headers.ETag!.Tag.Should().Be("\"1\"");
        toConfirm.GetProperty("status").GetString().Should().Be("pending");
        toConfirm.GetProperty("split").GetProperty("status").GetString().Should().Be("unpaid");
        (await NetOfBenAsync(flat)).Should().Be("-6.25", "a pending payment moves no balance");

        var confirmUrl = $"{expenseUrl}/payments/{toConfirm.GetProperty("id").GetGuid()}/confirm";
        using var byDebtor = await flat.Ben.HttpClient.PostAsJsonAsync(
            confirmUrl,
            new { version = 1 }
        );
        using var withoutVersion = await flat.Ana.HttpClient.PostAsync(confirmUrl, null);
        using var declined = await flat.Ana.HttpClient.PostAsJsonAsync(
            $"{expenseUrl}/payments/{toDecline.GetProperty("id").GetGuid()}/decline",
            new { version = 1 }
        );
        using var byPartner = await partner.PostAsJsonAsync(confirmUrl, new { version = 1 });
        var request = new HttpRequestMessage(HttpMethod.Post, confirmUrl);
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var confirmed = await flat.Ana.HttpClient.SendAsync(request);

        byDebtor.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        withoutVersion.StatusCode.Should().Be((HttpStatusCode)428);
        byPartner.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ReadAsync(declined, HttpStatusCode.OK))
            .GetProperty("status")
            .GetString()
            .Should()
            .Be("declined");
        var payment = await ReadAsync(confirmed, HttpStatusCode.OK);
        confirmed.Headers.ETag!.Tag.Should().Be("\"2\"");
        payment.GetProperty("status").GetString().Should().Be("confirmed");
        payment.GetProperty("split").GetProperty("status").GetString().Should().Be("paid");
        (await NetOfBenAsync(flat)).Should().Be("0.00");
    }

    [Test]
    public async Task Should_need_a_version_to_void_a_split_payment()
    {
        using var flat = await CreateAsync();
        using var created = await PostJsonAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            flat.ExpenseBody()
        );
        var expense = await ReadAsync(created, HttpStatusCode.Created);
        var expenseUrl = created.Headers.Location!.OriginalString;
        var bensSplit = expense
            .GetProperty("splits")
            .EnumerateArray()
            .Single(s => s.GetProperty("userId").GetGuid() == flat.Ben.UserId.Value)
            .GetProperty("id")
            .GetGuid();
        using var paid = await flat.Ben.HttpClient.PostAsJsonAsync(
            $"{expenseUrl}/splits/{bensSplit}/payments",
            new { amount = "2.00" }
        );
        var payment = await ReadAsync(paid, HttpStatusCode.Created);
        paid.Headers.ETag!.Tag.Should().Be("\"1\"");
        var voidUrl = $"{expenseUrl}/payments/{payment.GetProperty("id").GetGuid()}/void";

        using var withoutVersion = await flat.Ana.HttpClient.PostAsJsonAsync(
            voidUrl,
            new { reason = TestSupport.Pii.Text("reason") }
        );
        using var stale = await flat.Ana.HttpClient.PostAsJsonAsync(
            voidUrl,
            new { reason = TestSupport.Pii.Text("reason"), version = 7 }
        );
        var request = new HttpRequestMessage(HttpMethod.Post, voidUrl)
        {
            Content = JsonContent.Create(new { reason = TestSupport.Pii.Text("reason") }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var voided = await flat.Ana.HttpClient.SendAsync(request);

        withoutVersion.StatusCode.Should().Be((HttpStatusCode)428);
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ReadAsync(voided, HttpStatusCode.OK))
            .GetProperty("isVoided")
            .GetBoolean()
            .Should()
            .BeTrue();
        voided.Headers.ETag!.Tag.Should().Be("\"2\"");
    }

    private static async Task<string> NetOfBenAsync(Expenses.HttpFlat flat)
    {
        using var response = await flat.Ana.HttpClient.GetAsync(flat.Balances);
        var balances = await ReadAsync(response, HttpStatusCode.OK);
        return balances
            .GetProperty("currencies")
            .EnumerateArray()
            .Single()
            .GetProperty("members")
            .EnumerateArray()
            .Single(m => m.GetProperty("userId").GetGuid() == flat.Ben.UserId.Value)
            .GetProperty("net")
            .GetString()!;
    }
}
