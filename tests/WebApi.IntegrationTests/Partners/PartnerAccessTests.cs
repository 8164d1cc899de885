using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using Npgsql;
using static Ledger.WebApi.IntegrationTests.Support.ApiGroups;

namespace Ledger.WebApi.IntegrationTests.Partners;

/// <summary>
/// Partners through the real token endpoint and API: clients made by an admin, tokens by client
/// credentials, access to exactly the groups an owner granted, until the grant is revoked.
/// </summary>
public sealed class PartnerAccessTests : HttpTest
{
    [Test]
    public async Task Should_issue_a_bearer_token_without_refresh_token_that_the_api_accepts()
    {
        var admin = await ApiPartners.SignUpAdminAsync();
        var client = await ApiPartners.CreateClientAsync(admin, "ledger.read", "ledger.write");
        using var owner = await ApiUsers.SignUpAsync();
        var groupId = await CreateGroupAsync(owner);
        await ApiPartners.GrantAsync(owner, groupId, client.ClientId, "ledger.read");

        using var response = await ApiPartners.RequestTokenAsync(
            client.ClientId,
            client.ClientSecret,
            "ledger.read"
        );

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("token_type").GetString().Should().Be("Bearer");
        body.TryGetProperty("refresh_token", out _).Should().BeFalse();
        // The API accepts only tokens for its audience.
        using var partner = ApiUsers.ClientWith(body.GetProperty("access_token").GetString()!);
        (await StatusAsync(partner, $"/api/v1/groups/{groupId}")).Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_refuse_a_scope_the_client_was_not_allowed()
    {
        var admin = await ApiPartners.SignUpAdminAsync();
        var client = await ApiPartners.CreateClientAsync(admin, "ledger.read");

        using var response = await ApiPartners.RequestTokenAsync(
            client.ClientId,
            client.ClientSecret,
            "ledger.write"
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync())
            .Should()
            .Contain("not allowed to use the specified scope")
            .And.NotContain("access_token");
    }

    [Test]
    public async Task Should_show_only_granted_groups_and_nothing_else()
    {
        var admin = await ApiPartners.SignUpAdminAsync();
        var client = await ApiPartners.CreateClientAsync(admin, "ledger.read");
        using var owner = await ApiUsers.SignUpAsync();
        var granted = await CreateGroupAsync(owner);
        var other = await CreateGroupAsync(owner);
        await ApiPartners.GrantAsync(owner, granted, client.ClientId, "ledger.read");
        using var partner = await ApiPartners.HttpClientAsync(client);

        (await StatusAsync(partner, $"/api/v1/groups/{granted}")).Should().Be(HttpStatusCode.OK);
        (await StatusAsync(partner, $"/api/v1/groups/{granted}/members"))
            .Should()
            .Be(HttpStatusCode.OK);
        (await StatusAsync(partner, $"/api/v1/groups/{other}"))
            .Should()
            .Be(HttpStatusCode.NotFound);
        (await StatusAsync(partner, $"/api/v1/groups/{Guid.NewGuid()}"))
            .Should()
            .Be(HttpStatusCode.NotFound);
        (await StatusAsync(partner, "/api/v1/groups")).Should().Be(HttpStatusCode.NotFound);
        (await StatusAsync(partner, "/api/v1/me")).Should().Be(HttpStatusCode.NotFound);
        (await StatusAsync(partner, $"/api/v1/groups/{granted}/integrations"))
            .Should()
            .Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Should_need_the_read_scope_in_the_token_as_well_as_in_the_grant()
    {
        var admin = await ApiPartners.SignUpAdminAsync();
        var client = await ApiPartners.CreateClientAsync(admin, "ledger.read", "ledger.write");
        using var owner = await ApiUsers.SignUpAsync();
        var groupId = await CreateGroupAsync(owner);
        await ApiPartners.GrantAsync(owner, groupId, client.ClientId, "ledger.write");
        using var readToken = await ApiPartners.HttpClientAsync(client, "ledger.read");
        using var writeToken = await ApiPartners.HttpClientAsync(client, "ledger.write");

        // The grant lacks ledger.read; the second token lacks it too.
        (await StatusAsync(readToken, $"/api/v1/groups/{groupId}"))
            .Should()
            .Be(HttpStatusCode.NotFound);
        (await StatusAsync(writeToken, $"/api/v1/groups/{groupId}"))
            .Should()
            .Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Should_stop_a_partner_on_the_next_request_after_the_grant_is_revoked()
    {
        var admin = await ApiPartners.SignUpAdminAsync();
        var client = await ApiPartners.CreateClientAsync(admin, "ledger.read");
        using var owner = await ApiUsers.SignUpAsync();
        var groupId = await CreateGroupAsync(owner);
        var grantId = await ApiPartners.GrantAsync(owner, groupId, client.ClientId, "ledger.read");
        using var partner = await ApiPartners.HttpClientAsync(client);
        (await StatusAsync(partner, $"/api/v1/groups/{groupId}")).Should().Be(HttpStatusCode.OK);

        using var revoked = await owner.HttpClient.DeleteAsync(
            $"/api/v1/groups/{groupId}/integrations/{grantId}"
        );

        revoked.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await StatusAsync(partner, $"/api/v1/groups/{groupId}"))
            .Should()
            .Be(HttpStatusCode.NotFound);
        using var list = await owner.HttpClient.GetAsync($"/api/v1/groups/{groupId}/integrations");
        (await list.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task Should_list_active_grants_and_refuse_a_second_grant_for_the_same_client()
    {
        var admin = await ApiPartners.SignUpAdminAsync();
        var client = await ApiPartners.CreateClientAsync(admin, "ledger.read");
        using var owner = await ApiUsers.SignUpAsync();
        var groupId = await CreateGroupAsync(owner);
        var grantId = await ApiPartners.GrantAsync(owner, groupId, client.ClientId, "ledger.read");

        using var again = await owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{groupId}/integrations",
            new { clientId = client.ClientId, scopes = new[] { "ledger.read" } }
        );
        using var unknown = await owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{groupId}/integrations",
            new { clientId = TestOAuthClient.ClientId, scopes = new[] { "ledger.read" } }
        );
        using var list = await owner.HttpClient.GetAsync($"/api/v1/groups/{groupId}/integrations");

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        // The first-party web client is not a partner client: nothing to grant.
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var grants = await list.Content.ReadFromJsonAsync<JsonElement>();
        grants.GetArrayLength().Should().Be(1);
        grants[0].GetProperty("id").GetGuid().Should().Be(grantId);
        grants[0].GetProperty("clientId").GetString().Should().Be(client.ClientId);
        grants[0].GetProperty("scopes")[0].GetString().Should().Be("ledger.read");
        grants[0].GetProperty("grantedBy").GetGuid().Should().Be(owner.UserId.Value);
    }

    [Test]
    public async Task Should_show_a_secret_once_and_stop_the_old_one_when_rotated()
    {
        var admin = await ApiPartners.SignUpAdminAsync();
        var client = await ApiPartners.CreateClientAsync(admin, "ledger.read");

        using var rotated = await admin.HttpClient.PostAsync(
            $"/api/v1/admin/clients/{client.ClientId}/secret",
            null
        );

        rotated.StatusCode.Should().Be(HttpStatusCode.OK);
        rotated.Headers.CacheControl!.NoStore.Should().BeTrue();
        var newSecret = (await rotated.Content.ReadFromJsonAsync<PartnerClient>())!.ClientSecret;
        newSecret.Should().NotBe(client.ClientSecret);
        using var withOld = await ApiPartners.RequestTokenAsync(
            client.ClientId,
            client.ClientSecret
        );
        withOld.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var withNew = await ApiPartners.RequestTokenAsync(client.ClientId, newSecret);
        withNew.StatusCode.Should().Be(HttpStatusCode.OK);
        // Stored hashed: the secret is nowhere in the database.
        (
            await ScalarAsync<long>(
                "SELECT count(*) FROM open_iddict_applications WHERE client_secret IN (@a, @b)",
                ("a", client.ClientSecret),
                ("b", newSecret)
            )
        )
            .Should()
            .Be(0);
    }

    [Test]
    public async Task Should_stop_a_disabled_client_getting_tokens_and_reading_granted_groups()
    {
        var admin = await ApiPartners.SignUpAdminAsync();
        var client = await ApiPartners.CreateClientAsync(admin, "ledger.read");
        using var owner = await ApiUsers.SignUpAsync();
        var groupId = await CreateGroupAsync(owner);
        await ApiPartners.GrantAsync(owner, groupId, client.ClientId, "ledger.read");
        using var partner = await ApiPartners.HttpClientAsync(client);

        using var disabled = await admin.HttpClient.PostAsync(
            $"/api/v1/admin/clients/{client.ClientId}/disable",
            null
        );

        disabled.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var token = await ApiPartners.RequestTokenAsync(client.ClientId, client.ClientSecret);
        token.IsSuccessStatusCode.Should().BeFalse();
        // Its tokens were revoked with it, and the API checks each token's entry: 401 at once.
        (await StatusAsync(partner, $"/api/v1/groups/{groupId}"))
            .Should()
            .Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Should_hide_the_admin_api_from_everyone_but_admins()
    {
        using var user = await ApiUsers.SignUpAsync();

        using var create = await user.HttpClient.PostAsJsonAsync(
            "/api/v1/admin/clients",
            new { displayName = Pii.Text("partner"), scopes = new[] { "ledger.read" } }
        );
        using var anonymous = ApiUsers.AnonymousClient();
        using var anonymousCreate = await anonymous.PostAsJsonAsync(
            "/api/v1/admin/clients",
            new { displayName = Pii.Text("partner"), scopes = new[] { "ledger.read" } }
        );

        create.StatusCode.Should().Be(HttpStatusCode.NotFound);
        anonymousCreate.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Should_let_a_client_with_the_admin_scope_use_the_admin_api()
    {
        var admin = await ApiPartners.SignUpAdminAsync();
        var operatorClient = await ApiPartners.CreateClientAsync(admin, "ledger.admin");
        using var asOperator = await ApiPartners.HttpClientAsync(operatorClient);

        using var created = await asOperator.PostAsJsonAsync(
            "/api/v1/admin/clients",
            new { displayName = Pii.Text("partner"), scopes = new[] { "ledger.read" } }
        );

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var clientId = (await created.Content.ReadFromJsonAsync<PartnerClient>())!.ClientId;
        (
            await ScalarAsync<string>(
                "SELECT actor_client_id FROM audit_events WHERE record_id = @id AND action = 'partner.client-created'",
                ("id", clientId)
            )
        )
            .Should()
            .Be(operatorClient.ClientId);
    }

    [Test]
    public async Task Should_audit_every_admin_and_grant_action_with_its_actor()
    {
        var admin = await ApiPartners.SignUpAdminAsync();
        var client = await ApiPartners.CreateClientAsync(admin, "ledger.read");
        using var owner = await ApiUsers.SignUpAsync();
        var groupId = await CreateGroupAsync(owner);
        var grantId = await ApiPartners.GrantAsync(owner, groupId, client.ClientId, "ledger.read");
        using (
            await admin.HttpClient.PostAsync(
                $"/api/v1/admin/clients/{client.ClientId}/secret",
                null
            )
        ) { }
        using (
            await admin.HttpClient.PostAsync(
                $"/api/v1/admin/clients/{client.ClientId}/disable",
                null
            )
        ) { }

        var events = await AuditAsync();

        events
            .Should()
            .Contain([
                ("partner.client-created", client.ClientId, AdminId),
                ("partner.client-secret-rotated", client.ClientId, AdminId),
                ("partner.client-disabled", client.ClientId, AdminId),
                ("integration.granted", grantId.ToString(), owner.UserId.Value.ToString()),
                // Disabling the client revoked its grants.
                ("integration.revoked", grantId.ToString(), AdminId),
            ]);
    }

    [Test]
    public async Task Should_close_an_archived_group_to_a_partner_until_it_is_restored()
    {
        var admin = await ApiPartners.SignUpAdminAsync();
        var client = await ApiPartners.CreateClientAsync(admin, "ledger.read");
        using var owner = await ApiUsers.SignUpAsync();
        var groupId = await CreateGroupAsync(owner);
        await ApiPartners.GrantAsync(owner, groupId, client.ClientId, "ledger.read");
        using var partner = await ApiPartners.HttpClientAsync(client);
        (await StatusAsync(partner, $"/api/v1/groups/{groupId}")).Should().Be(HttpStatusCode.OK);

        using (var left = await owner.HttpClient.PostAsync($"/api/v1/groups/{groupId}/leave", null))
        {
            left.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // Issue 20 item 10: the sole owner left, the group is archived; its grant sleeps.
        foreach (var path in new[] { "", "/expenses", "/balances", "/settlements", "/members" })
        {
            (await StatusAsync(partner, $"/api/v1/groups/{groupId}{path}"))
                .Should()
                .Be(HttpStatusCode.NotFound, path);
        }

        using (
            var restored = await owner.HttpClient.PostAsync(
                $"/api/v1/groups/{groupId}/unarchive",
                null
            )
        )
        {
            restored.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await StatusAsync(partner, $"/api/v1/groups/{groupId}")).Should().Be(HttpStatusCode.OK);
    }

    private static readonly string AdminId = ApiPartners.AdminUserId.ToString();

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    private static async Task<List<(string Action, string RecordId, string Actor)>> AuditAsync()
    {
        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT action, record_id, coalesce(actor_user_id::text, actor_client_id) FROM audit_events",
            connection
        );
        await using var reader = await query.ExecuteReaderAsync();
        var events = new List<(string, string, string)>();
        while (await reader.ReadAsync())
        {
            events.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return events;
    }

    private static async Task<T> ScalarAsync<T>(
        string sql,
        params (string Name, object Value)[] parameters
    )
    {
        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            query.Parameters.AddWithValue(name, value);
        }

        return (T)(await query.ExecuteScalarAsync())!;
    }
}
