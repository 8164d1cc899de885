using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Accounts;

/// <summary>The caller's own account: display name, export, and NIST password rules.</summary>
public sealed class MyAccountTests : HttpTest
{
    /// <summary>On the embedded common-password list (12 characters or more, so only that list refuses it).</summary>
    private const string CommonPassword = "qwerty123456";

    [Test]
    public async Task Should_change_the_display_name()
    {
        using var user = await ApiUsers.SignUpAsync();
        var name = Pii.Name();

        using var patched = await user.HttpClient.PatchAsJsonAsync(
            "/api/v1/me",
            new { displayName = name }
        );

        patched.StatusCode.Should().Be(HttpStatusCode.OK);
        var me = await user.HttpClient.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("displayName").GetString().Should().Be(name);
    }

    [Test]
    public async Task Should_refuse_a_blank_display_name_with_400()
    {
        using var user = await ApiUsers.SignUpAsync();

        using var patched = await user.HttpClient.PatchAsJsonAsync(
            "/api/v1/me",
            new { displayName = "   " }
        );

        patched.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Should_export_the_profile_and_every_membership_ended_ones_included()
    {
        var (owner, member, groupId) = await DeleteAccountTests.GroupOfTwoAsync();
        using var left = await member.HttpClient.PostAsync($"/api/v1/groups/{groupId}/leave", null);
        left.EnsureSuccessStatusCode();

        using var response = await member.HttpClient.GetAsync("/api/v1/me/export");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        var export = JsonDocument.Parse(text).RootElement;

        export.GetProperty("userId").GetGuid().Should().Be(member.UserId.Value);
        var sections = export.GetProperty("sections");
        var profile = sections.GetProperty("profile");
        profile.GetProperty("email").GetString().Should().Be(member.Email);
        profile.GetProperty("displayName").GetString().Should().Be(member.DisplayName);
        var membership = sections
            .GetProperty("memberships")
            .EnumerateArray()
            .Should()
            .ContainSingle()
            .Subject;
        membership.GetProperty("groupId").GetGuid().Should().Be(groupId);
        membership.GetProperty("leftAt").ValueKind.Should().Be(JsonValueKind.String);
        export
            .GetRawText()
            .Should()
            .NotContain(owner.Email, "another member's data is not exported");
    }

    [Test]
    public void Should_ship_a_common_password_list_of_at_least_10000_entries()
    {
        Ledger
            .Infrastructure.Identity.CommonPasswordValidator.Count.Should()
            .BeGreaterThanOrEqualTo(10_000);
        Ledger
            .Infrastructure.Identity.CommonPasswordValidator.IsCommon("QWERTY123456")
            .Should()
            .BeTrue();
    }

    [Test]
    public async Task Should_refuse_registration_with_a_common_password()
    {
        using var client = ApiUsers.AnonymousClient();

        using var response = await client.PostAsJsonAsync(
            "/api/v1/auth/register",
            new
            {
                email = Pii.Email(),
                password = CommonPassword,
                displayName = Pii.Name(),
            }
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("commonly used");
    }

    [Test]
    public async Task Should_refuse_a_password_change_to_a_common_password()
    {
        using var user = await ApiUsers.SignUpAsync();

        using var response = await user.HttpClient.PostAsJsonAsync(
            "/api/v1/me/password",
            new { currentPassword = user.Password, newPassword = CommonPassword }
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("commonly used");
        (await user.HttpClient.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
