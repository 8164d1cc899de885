using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.Accounts;

/// <summary>
/// Issue 20 item 7: the personal export holds what the user may read now. After Ben leaves, the
/// items others add to the list he created, and the group's new name, stay out of his export;
/// what he added himself stays in.
/// </summary>
public sealed class ExportBoundsTests : HttpTest
{
    [Test]
    public async Task Should_leave_out_what_others_added_and_renamed_after_the_user_left()
    {
        using var flat = await CreateAsync();
        using var list = await flat.Ben.HttpClient.PostAsJsonAsync(
            "/api/v1/lists",
            new { name = Pii.Name("List"), groupId = flat.GroupId }
        );
        var listId = (await ReadAsync(list, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var bensItem = Pii.Name("Milk");
        using (
            var added = await flat.Ben.HttpClient.PostAsJsonAsync(
                $"/api/v1/lists/{listId}/items",
                new { name = bensItem }
            )
        )
        {
            added.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using (
            var left = await flat.Ben.HttpClient.PostAsync(
                $"/api/v1/groups/{flat.GroupId}/leave",
                null
            )
        )
        {
            left.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var anasItem = Pii.Name("Cheese");
        var newName = Pii.Name("Renamed");
        using (
            var added = await flat.Ana.HttpClient.PostAsJsonAsync(
                $"/api/v1/lists/{listId}/items",
                new { name = anasItem }
            )
        )
        {
            added.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using (var group = await flat.Ana.HttpClient.GetAsync($"/api/v1/groups/{flat.GroupId}"))
        {
            var version = (await ReadAsync(group, HttpStatusCode.OK))
                .GetProperty("version")
                .GetInt32();
            using var renamed = await flat.Ana.HttpClient.PutAsJsonAsync(
                $"/api/v1/groups/{flat.GroupId}",
                new
                {
                    name = newName,
                    defaultCurrency = "EUR",
                    timeZone = "Europe/Berlin",
                    version,
                }
            );
            renamed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var response = await flat.Ben.HttpClient.GetAsync("/api/v1/me/export");
        var export = (await ReadAsync(response, HttpStatusCode.OK)).GetRawText();

        export.Should().Contain(bensItem);
        export.Should().NotContain(anasItem, "Ana added it after Ben left");
        export.Should().NotContain(newName, "the group was renamed after Ben left");
    }
}
