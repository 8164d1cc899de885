using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Ledger.WebApi.IntegrationTests.Support;
using Npgsql;

namespace Ledger.WebApi.IntegrationTests.Groups;

/// <summary>
/// Issue 20 item 11: an owner-only action checks the role again under the group's lock. An
/// owner demoted while their request waits for the lock (a role change holds it) is refused.
/// </summary>
public sealed class OwnerRecheckTests : HttpTest
{
    [Test]
    public async Task Should_refuse_an_owner_demoted_while_the_request_waited_for_the_group()
    {
        using var owner = await ApiUsers.SignUpAsync();
        var (groupId, _) = await ApiGroups.CreateGroupWithVersionAsync(owner);

        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        await using var roleChange = await connection.BeginTransactionAsync();
        await using (
            var lockGroup = new NpgsqlCommand(
                "SELECT 1 FROM groups WHERE id = @id FOR UPDATE",
                connection,
                roleChange
            )
        )
        {
            lockGroup.Parameters.AddWithValue("id", groupId);
            await lockGroup.ExecuteNonQueryAsync();
        }

        var invite = owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{groupId}/invites",
            new { expiresAt = DateTimeOffset.UtcNow.AddDays(1), maxUses = 1 }
        );
        // Without the re-check the request never waits: it answers 201 before the demotion.
        await WaitUntilBlockedOrDoneAsync(invite);
        await using (
            var demote = new NpgsqlCommand(
                "UPDATE memberships SET role = 'Member' WHERE group_id = @id",
                connection,
                roleChange
            )
        )
        {
            demote.Parameters.AddWithValue("id", groupId);
            await demote.ExecuteNonQueryAsync();
        }

        await roleChange.CommitAsync();
        using var response = await invite;

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    /// <summary>Until another session waits on a row lock (or the request already answered).</summary>
    private static async Task WaitUntilBlockedOrDoneAsync(Task request)
    {
        await using var probe = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await probe.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!request.IsCompleted && DateTime.UtcNow < deadline)
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
                probe
            );
            if ((long)(await waiting.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(20);
        }
    }
}
