using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using static Ledger.WebApi.IntegrationTests.Support.ApiGroups;

namespace Ledger.WebApi.IntegrationTests.Webhooks;

/// <summary>
/// Webhook subscriptions over HTTP: the secret is shown once, each caller manages its own
/// (owners the owners', a partner its own), and URLs that are not public https are refused as
/// problem details. Who may call at all is in the authorization matrix.
/// </summary>
public sealed class WebhookSubscriptionTests : HttpTest
{
    private const string Url = "https://hooks.example.com/ledger";

    [Test]
    public async Task Should_show_the_secret_once_and_keep_owner_and_partner_subscriptions_apart()
    {
        using var owner = await ApiUsers.SignUpAsync();
        var groupId = await CreateGroupAsync(owner);
        var admin = await ApiPartners.SignUpAdminAsync();
        var client = await ApiPartners.CreateClientAsync(admin, "ledger.read");
        await ApiPartners.GrantAsync(owner, groupId, client.ClientId, "ledger.read");
        using var partner = await ApiPartners.HttpClientAsync(client, "ledger.read");

        var mine = await SubscribeAsync(owner.HttpClient, groupId, Url);
        var theirs = await SubscribeAsync(partner, groupId, Url + "/partner");

        mine.GetProperty("secret").GetString().Should().MatchRegex("^whsec_[A-Za-z0-9+/=]{40,}$");
        var ownerList = await ListAsync(owner.HttpClient, groupId);
        ownerList.Should().ContainSingle().Which.GetProperty("id").GetGuid().Should().Be(Id(mine));
        ownerList[0].TryGetProperty("secret", out _).Should().BeFalse("the secret is shown once");
        (await ListAsync(partner, groupId))
            .Should()
            .ContainSingle()
            .Which.GetProperty("id")
            .GetGuid()
            .Should()
            .Be(Id(theirs));

        // Neither can delete the other's subscription; each can delete its own.
        (await DeleteAsync(partner, groupId, Id(mine)))
            .Should()
            .Be(HttpStatusCode.NotFound);
        (await DeleteAsync(owner.HttpClient, groupId, Id(theirs)))
            .Should()
            .Be(HttpStatusCode.NotFound);
        (await DeleteAsync(partner, groupId, Id(theirs))).Should().Be(HttpStatusCode.NoContent);
        (await ListAsync(partner, groupId)).Should().BeEmpty();
        (await ListAsync(owner.HttpClient, groupId)).Should().ContainSingle();
    }

    [TestCase("http://hooks.example.com/ledger")]
    [TestCase("https://127.0.0.1/hook")]
    [TestCase("https://localhost/hook")]
    [TestCase("https://10.1.2.3/hook")]
    [TestCase("https://169.254.169.254/latest/meta-data")]
    [TestCase("https://[::1]/hook")]
    [TestCase("https://user:pw@hooks.example.com/")]
    [TestCase("not a url")]
    public async Task Should_refuse_a_url_that_is_not_public_https(string url)
    {
        using var owner = await ApiUsers.SignUpAsync();
        var groupId = await CreateGroupAsync(owner);

        using var response = await owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{groupId}/webhooks",
            new { url }
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await ListAsync(owner.HttpClient, groupId)).Should().BeEmpty();
    }

    private static Guid Id(JsonElement subscription) => subscription.GetProperty("id").GetGuid();

    private static async Task<JsonElement> SubscribeAsync(
        HttpClient client,
        Guid groupId,
        string url
    )
    {
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/groups/{groupId}/webhooks",
            new { url }
        );
        response
            .StatusCode.Should()
            .Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, Guid groupId)
    {
        using var response = await client.GetAsync($"/api/v1/groups/{groupId}/webhooks");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private static async Task<HttpStatusCode> DeleteAsync(HttpClient client, Guid groupId, Guid id)
    {
        using var response = await client.DeleteAsync($"/api/v1/groups/{groupId}/webhooks/{id}");
        return response.StatusCode;
    }
}
