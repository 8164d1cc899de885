using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using Npgsql;

namespace Ledger.WebApi.IntegrationTests.Groups;

/// <summary>
/// The README walkthrough over HTTP, and audit 003 #2: leaving never deletes anything; deletion
/// is its own, two-step, owner-only endpoint that refuses a wrong token or a mistyped name.
/// </summary>
public sealed class GroupLifecycleTests : HttpTest
{
    [Test]
    public async Task Should_invite_join_and_leave_without_deleting_anything()
    {
        using var owner = await ApiUsers.SignUpAsync();
        using var flatmate = await ApiUsers.SignUpAsync();
        var (groupId, _) = await ApiGroups.CreateGroupWithVersionAsync(owner);
        var code = await InviteAsync(owner, groupId);

        using (
            var joined = await flatmate.HttpClient.PostAsJsonAsync(
                "/api/v1/groups/join",
                new { code }
            )
        )
        {
            joined.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var before = await CountRowsAsync(groupId);
        using (
            var left = await flatmate.HttpClient.PostAsync($"/api/v1/groups/{groupId}/leave", null)
        )
        {
            left.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using (
            var lastLeft = await owner.HttpClient.PostAsync($"/api/v1/groups/{groupId}/leave", null)
        )
        {
            using var body = JsonDocument.Parse(await lastLeft.Content.ReadAsStringAsync());
            body.RootElement.GetProperty("groupStatus").GetString().Should().Be("archived");
        }

        var after = await CountRowsAsync(groupId);
        after.Groups.Should().Be(before.Groups);
        after.Memberships.Should().Be(before.Memberships);
        after.Invites.Should().Be(before.Invites);
        after.AuditEvents.Should().BeGreaterThan(before.AuditEvents);
    }

    [Test]
    public async Task Should_delete_only_with_the_confirmation_token_and_the_exact_name_and_restore_it()
    {
        using var owner = await ApiUsers.SignUpAsync();
        var name = Pii.Name("Trip");
        using var created = await owner.HttpClient.PostAsJsonAsync(
            "/api/v1/groups",
            new
            {
                name,
                defaultCurrency = "EUR",
                timeZone = "Europe/Lisbon",
            }
        );
        using var group = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var groupId = group.RootElement.GetProperty("id").GetGuid();
        using var requested = await owner.HttpClient.PostAsync(
            $"/api/v1/groups/{groupId}/deletion-requests",
            null
        );
        using var confirmation = JsonDocument.Parse(await requested.Content.ReadAsStringAsync());
        var token = confirmation.RootElement.GetProperty("confirmationToken").GetString()!;
        var version = group.RootElement.GetProperty("version").GetInt32();

        (await DeleteAsync(owner, groupId, "not-the-token", name, version))
            .Should()
            .Be(HttpStatusCode.Conflict);
        (await DeleteAsync(owner, groupId, token, name.ToUpperInvariant(), version))
            .Should()
            .Be(HttpStatusCode.Conflict);
        (await DeleteAsync(owner, groupId, token, name, version))
            .Should()
            .Be(HttpStatusCode.NoContent);

        using (var hidden = await owner.HttpClient.GetAsync($"/api/v1/groups/{groupId}"))
        {
            hidden.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await CountRowsAsync(groupId)).Groups.Should().Be(1, "deletion is soft");
        using var restored = await owner.HttpClient.PostAsync(
            $"/api/v1/groups/{groupId}/restore",
            null
        );
        restored.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<HttpStatusCode> DeleteAsync(
        ApiUser owner,
        Guid groupId,
        string token,
        string typedName,
        int version
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/groups/{groupId}")
        {
            Content = JsonContent.Create(
                new
                {
                    confirmationToken = token,
                    confirmationName = typedName,
                    version,
                }
            ),
        };
        using var response = await owner.HttpClient.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<string> InviteAsync(ApiUser owner, Guid groupId)
    {
        using var response = await owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{groupId}/invites",
            new { expiresAt = DateTimeOffset.UtcNow.AddDays(2), maxUses = 2 }
        );
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("code").GetString()!;
    }

    private static async Task<(
        long Groups,
        long Memberships,
        long Invites,
        long AuditEvents
    )> CountRowsAsync(Guid groupId)
    {
        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        async Task<long> CountAsync(string table, string column)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*) FROM {table} WHERE {column} = @id",
                connection
            );
            command.Parameters.AddWithValue("id", groupId);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        return (
            await CountAsync("groups", "id"),
            await CountAsync("memberships", "group_id"),
            await CountAsync("invites", "group_id"),
            await CountAsync("audit_events", "group_id")
        );
    }
}
