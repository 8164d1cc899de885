using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using static Ledger.WebApi.IntegrationTests.Support.ApiGroups;

namespace Ledger.WebApi.IntegrationTests.Accounts;

/// <summary>
/// DELETE /api/v1/me anonymizes the account (R8): the person is gone, the shared history of
/// their groups is not, and none of their tokens work any more.
/// </summary>
public sealed class DeleteAccountTests : HttpTest
{
    [Test]
    public async Task Should_anonymize_the_account_and_leave_every_row_of_another_member_unchanged()
    {
        var (owner, member, groupId) = await GroupOfTwoAsync();
        await AccountRows.SetBalanceAsync(groupId, owner.UserId.Value, 0);
        await AccountRows.SetBalanceAsync(groupId, member.UserId.Value, 0);
        var before = await RowsOfAsync(owner.UserId.Value, groupId);

        using var deleted = await DeleteAccountAsync(member);

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var after = await RowsOfAsync(owner.UserId.Value, groupId);
        after.Should().BeEquivalentTo(before, options => options.WithStrictOrdering());

        await TokenRevocationTests.AccessShouldFailAsync(member.HttpClient);
        await TokenRevocationTests.RefreshShouldFailAsync(member.Tokens.RefreshToken!);
        await FluentActions
            .Awaiting(() => ApiUsers.SignInAsync(member.Email, member.Password))
            .Should()
            .ThrowAsync<InvalidOperationException>("the email and password are gone");

        var account = await AccountRows.JsonAsync(
            "SELECT email, display_name, password_hash, is_active FROM asp_net_users WHERE id = @id",
            member.UserId.Value
        );
        account.Should().ContainSingle();
        account[0].Should().NotContain(member.Email).And.NotContain(member.DisplayName);
        account[0].Should().Contain("\"password_hash\":null").And.Contain("\"is_active\":false");
        var memberships = await AccountRows.JsonAsync(
            "SELECT left_at FROM memberships WHERE user_id = @id",
            member.UserId.Value
        );
        memberships.Should().ContainSingle().Which.Should().NotContain("\"left_at\":null");

        // The group still shows the former member, by their tombstone.
        using var members = await owner.HttpClient.GetAsync($"/api/v1/groups/{groupId}");
        members.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_refuse_with_409_while_a_balance_of_the_user_is_not_zero()
    {
        var (_, member, groupId) = await GroupOfTwoAsync();
        await AccountRows.SetBalanceAsync(groupId, member.UserId.Value, -1250);

        using var refused = await DeleteAccountAsync(member);

        await ShouldBeConflictAsync(refused, "account.open-balance");
        (await member.HttpClient.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_refuse_with_409_while_the_user_is_the_last_owner_of_a_group_with_members()
    {
        var (owner, _, _) = await GroupOfTwoAsync();

        using var refused = await DeleteAccountAsync(owner);

        var body = await ShouldBeConflictAsync(refused, "account.last-owner");
        body.Should().Contain("transfer ownership");
    }

    [Test]
    public async Task Should_archive_a_group_whose_only_member_deletes_their_account()
    {
        using var owner = await ApiUsers.SignUpAsync();
        var groupId = await CreateGroupAsync(owner);

        using var deleted = await DeleteAccountAsync(owner);

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var group = await AccountRows.JsonAsync(
            "SELECT status FROM groups WHERE id = @id",
            groupId
        );
        group.Should().ContainSingle().Which.Should().Contain("Archived");
    }

    /// <summary>DELETE /api/v1/me with the current password, as re-authentication requires.</summary>
    public static async Task<HttpResponseMessage> DeleteAccountAsync(
        ApiUser user,
        string? password = null
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me")
        {
            Content = JsonContent.Create(new { currentPassword = password ?? user.Password }),
        };
        return await user.HttpClient.SendAsync(request);
    }

    private static async Task<string> ShouldBeConflictAsync(
        HttpResponseMessage response,
        string code
    )
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Conflict, body);
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("code").GetString().Should().Be(code);
        return body;
    }

    private static async Task<List<string>> RowsOfAsync(Guid userId, Guid groupId) =>
        [
            .. await AccountRows.JsonAsync("SELECT * FROM asp_net_users WHERE id = @id", userId),
            // The version counts membership changes of the group, this one included; all else stays.
            .. await AccountRows.JsonAsync(
                "SELECT to_jsonb(g) - 'version' AS g FROM groups g WHERE id = @id",
                groupId
            ),
            .. await AccountRows.JsonAsync("SELECT * FROM memberships WHERE user_id = @id", userId),
            .. await AccountRows.JsonAsync(
                "SELECT * FROM member_balances WHERE user_id = @id",
                userId
            ),
            .. await AccountRows.JsonAsync(
                "SELECT * FROM audit_events WHERE actor_user_id = @id",
                userId
            ),
            .. await AccountRows.JsonAsync(
                "SELECT id, status FROM open_iddict_tokens WHERE subject = @id::text",
                userId
            ),
        ];

    internal static async Task<(ApiUser Owner, ApiUser Member, Guid GroupId)> GroupOfTwoAsync()
    {
        var owner = await ApiUsers.SignUpAsync();
        var member = await ApiUsers.SignUpAsync();
        var groupId = await CreateGroupAsync(owner);
        using var invite = await owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{groupId}/invites",
            new { expiresAt = DateTimeOffset.UtcNow.AddDays(1), maxUses = 1 }
        );
        var code = (await invite.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("code")
            .GetString();
        using var joined = await member.HttpClient.PostAsJsonAsync(
            "/api/v1/groups/join",
            new { code }
        );
        joined.EnsureSuccessStatusCode();
        return (owner, member, groupId);
    }
}
