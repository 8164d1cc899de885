using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;

namespace Ledger.WebApi.IntegrationTests.Support;

/// <summary>A group and an expense made over HTTP by a test's user, as a client would make them.</summary>
public static class ApiGroups
{
    public static async Task<Guid> CreateGroupAsync(ApiUser owner) =>
        (await CreateGroupWithVersionAsync(owner)).Id;

    /// <summary>As <see cref="CreateGroupAsync"/>, with the version the answer carries (for If-Match).</summary>
    public static async Task<(Guid Id, int Version)> CreateGroupWithVersionAsync(ApiUser owner)
    {
        using var response = await owner.HttpClient.PostAsJsonAsync(
            "/api/v1/groups",
            new
            {
                name = Pii.Name("Group"),
                defaultCurrency = "EUR",
                timeZone = "Europe/Berlin",
            }
        );
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("version").GetInt32());
    }

    public static async Task<Guid> CreateExpenseAsync(ApiUser owner, Guid group)
    {
        var me = owner.UserId.Value.ToString();
        using var response = await owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{group}/expenses",
            new
            {
                description = Pii.Text("expense"),
                category = "groceries",
                currency = "EUR",
                total = "12.50",
                date = "2026-03-01",
                payers = new[] { new { userId = me, amount = "12.50" } },
                split = new { type = "equal", members = new[] { me } },
            }
        );
        response
            .StatusCode.Should()
            .Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id")
            .GetGuid();
    }
}
