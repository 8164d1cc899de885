using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Ledger.WebApi.IntegrationTests.Support;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.Groups;

/// <summary>
/// Issue 20 item 9: a removed member cannot rejoin with an invite made before the removal, and
/// owners list and revoke invites (a revoked code lets nobody in).
/// </summary>
public sealed class InviteTests : HttpTest
{
    [Test]
    public async Task Should_refuse_a_removed_member_the_old_code_and_let_owners_list_and_revoke_invites()
    {
        using var owner = await ApiUsers.SignUpAsync();
        using var member = await ApiUsers.SignUpAsync();
        using var newcomer = await ApiUsers.SignUpAsync();
        var (groupId, _) = await ApiGroups.CreateGroupWithVersionAsync(owner);
        var invites = $"/api/v1/groups/{groupId}/invites";
        var oldCode = await InviteAsync(owner, invites);
        await JoinAsync(member, oldCode, HttpStatusCode.OK);
        using (
            var removed = await owner.HttpClient.DeleteAsync(
                $"/api/v1/groups/{groupId}/members/{member.UserId}"
            )
        )
        {
            removed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        await JoinAsync(member, oldCode, HttpStatusCode.NotFound);
        var newCode = await InviteAsync(owner, invites);

        using var listed = await owner.HttpClient.GetAsync(invites);
        using var listedByMember = await newcomer.HttpClient.GetAsync(invites);
        var page = await ReadAsync(listed, HttpStatusCode.OK);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Should().HaveCount(2);
        items[0].GetProperty("uses").GetInt32().Should().Be(1);
        items.Should().AllSatisfy(i => i.TryGetProperty("code", out _).Should().BeFalse());
        listedByMember.StatusCode.Should().Be(HttpStatusCode.NotFound);

        var newId = items[1].GetProperty("id").GetGuid();
        using var revoked = await owner.HttpClient.DeleteAsync($"{invites}/{newId}");
        (await ReadAsync(revoked, HttpStatusCode.OK))
            .GetProperty("revokedAt")
            .ValueKind.Should()
            .NotBe(System.Text.Json.JsonValueKind.Null);
        using var unknown = await owner.HttpClient.DeleteAsync($"{invites}/{Guid.NewGuid()}");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await JoinAsync(newcomer, newCode, HttpStatusCode.NotFound);
        await JoinAsync(newcomer, oldCode, HttpStatusCode.OK);

        // Invited again after the removal, the removed member may come back.
        await JoinAsync(member, await InviteAsync(owner, invites), HttpStatusCode.OK);
    }

    private static async Task<string> InviteAsync(ApiUser owner, string invites)
    {
        using var response = await owner.HttpClient.PostAsJsonAsync(
            invites,
            new { expiresAt = DateTimeOffset.UtcNow.AddDays(2), maxUses = 3 }
        );
        return (await ReadAsync(response, HttpStatusCode.Created)).GetProperty("code").GetString()!;
    }

    private static async Task JoinAsync(ApiUser user, string code, HttpStatusCode expected)
    {
        using var response = await user.HttpClient.PostAsJsonAsync(
            "/api/v1/groups/join",
            new { code }
        );
        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
    }
}
