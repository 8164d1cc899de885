using System.Net.Http.Json;
using static Ledger.WebApi.IntegrationTests.Security.Caller;

namespace Ledger.WebApi.IntegrationTests.Security;

/// <summary>
/// One row per operation of the OpenAPI document: who may call it (PRODUCT.md section 3), the
/// body a permitted caller would send, and any state it needs first. Everyone else must get 401
/// (anonymous), 404 (cannot read the group; a partner; a hidden operation) or 403 (a member who
/// may not do this). Partners may read granted groups with ledger.read and nothing else (PRODUCT.md
/// section 3: partners see nothing but granted groups, so not even their list of groups); the
/// admin is a user in no group.
/// </summary>
public static class AuthorizationMatrixRows
{
    private static readonly Caller[] SignedIn = [Stranger, Member, Owner, Admin];

    // Anonymous endpoints do no token work (ADR 0020): whatever a caller sends, it is anonymous.
    private static readonly Caller[] Everyone = Enum.GetValues<Caller>();
    private static readonly Caller[] Members = [Member, Owner];
    private static readonly Caller[] Readers = [Member, Owner, PartnerRead, PartnerWrite];
    private static readonly Caller[] Owners = [Owner];
    private static readonly Caller[] Admins = [Admin];

    public static readonly IReadOnlyList<MatrixRow> All =
    [
        // Accounts
        new("POST /api/v1/auth/register", Everyone, Body: _ => NewAccount()),
        new(
            "POST /api/v1/auth/email-confirmations",
            Everyone,
            Body: _ => new { email = TestSupport.Pii.Email() }
        ),
        new(
            "POST /api/v1/auth/email-confirmations/confirm",
            Everyone,
            Body: _ => new { userId = Guid.NewGuid(), token = "not-a-token" }
        ),
        new(
            "POST /api/v1/auth/password-resets",
            Everyone,
            Body: _ => new { email = TestSupport.Pii.Email() }
        ),
        new(
            "POST /api/v1/auth/password-resets/confirm",
            Everyone,
            Body: _ => new
            {
                userId = Guid.NewGuid(),
                token = "not-a-token",
                newPassword = TestSupport.Pii.Password(),
            }
        ),
        new("GET /api/v1/me", SignedIn),
        new("PATCH /api/v1/me", SignedIn, Body: _ => new { displayName = TestSupport.Pii.Name() }),
        // A wrong current password (400): a real change would end the matrix users' sessions.
        new(
            "POST /api/v1/me/password",
            SignedIn,
            Body: _ => new
            {
                currentPassword = TestSupport.Pii.Password(),
                newPassword = TestSupport.Pii.Password(),
            }
        ),
        new("GET /api/v1/me/export", SignedIn),
        // Groups
        new("GET /api/v1/groups", SignedIn),
        new("POST /api/v1/groups", SignedIn, Body: _ => NewGroup()),
        new("POST /api/v1/groups/join", SignedIn, Body: s => new { code = s.InviteCode }),
        new("GET /api/v1/groups/{groupId}", Readers),
        new(
            "PUT /api/v1/groups/{groupId}",
            Owners,
            Body: s => new
            {
                name = s.GroupName,
                defaultCurrency = "USD",
                timeZone = "America/New_York",
                version = int.Parse(
                    s.Values["version"],
                    System.Globalization.CultureInfo.InvariantCulture
                ),
            },
            Prepare: RememberVersionAsync
        ),
        new(
            "POST /api/v1/groups/{groupId}/invites",
            Owners,
            Body: _ => new { expiresAt = DateTimeOffset.UtcNow.AddDays(1), maxUses = 3 }
        ),
        new("GET /api/v1/groups/{groupId}/invites", Owners),
        new(
            "DELETE /api/v1/groups/{groupId}/invites/{inviteId}",
            Owners,
            Prepare: RememberInviteAsync
        ),
        new("GET /api/v1/groups/{groupId}/members", Readers),
        new(
            "PUT /api/v1/groups/{groupId}/members/{userId}/role",
            Owners,
            Body: _ => new { role = "owner" }
        ),
        new("DELETE /api/v1/groups/{groupId}/members/{userId}", Owners),
        new(
            "POST /api/v1/groups/{groupId}/ownership-transfer",
            Owners,
            Body: s => new { newOwnerId = s.Member.UserId.Value }
        ),
        new("POST /api/v1/groups/{groupId}/leave", Members),
        new("POST /api/v1/groups/{groupId}/unarchive", Owners, Prepare: ArchiveAsync),
        new("POST /api/v1/groups/{groupId}/deletion-requests", Owners),
        new(
            "DELETE /api/v1/groups/{groupId}",
            Owners,
            Body: s => new
            {
                confirmationToken = s.Values["token"],
                confirmationName = s.GroupName,
                version = int.Parse(
                    s.Values["version"],
                    System.Globalization.CultureInfo.InvariantCulture
                ),
            },
            Prepare: RequestDeletionAsync
        ),
        new("POST /api/v1/groups/{groupId}/restore", Owners, Prepare: DeleteAsync),
        // Integrations
        new(
            "POST /api/v1/groups/{groupId}/integrations",
            Owners,
            Body: s => new { clientId = s.Users.Spare.ClientId, scopes = new[] { "ledger.read" } }
        ),
        new("GET /api/v1/groups/{groupId}/integrations", Owners),
        new(
            "DELETE /api/v1/groups/{groupId}/integrations/{grantId}",
            Owners,
            Prepare: GrantSpareAsync
        ),
        // Webhooks: owners, and partners with a grant (read suffices: a subscription changes no
        // group data); each manages its own, so the owner's subscription is deleted by the owner.
        new(
            "POST /api/v1/groups/{groupId}/webhooks",
            [Owner, PartnerRead, PartnerWrite],
            Body: _ => new { url = "https://hooks.example.com/ledger" }
        ),
        new("GET /api/v1/groups/{groupId}/webhooks", [Owner, PartnerRead, PartnerWrite]),
        new(
            "DELETE /api/v1/groups/{groupId}/webhooks/{subscriptionId}",
            Owners,
            Prepare: SubscribeAsOwnerAsync
        ),
        // A subscription's secret, log, ping and redelivery: its owners only (a partner's own
        // subscriptions are its own; the owner's are not found for it).
        new(
            "POST /api/v1/groups/{groupId}/webhooks/{subscriptionId}/rotate-secret",
            Owners,
            Prepare: SubscribeAsOwnerAsync
        ),
        new(
            "POST /api/v1/groups/{groupId}/webhooks/{subscriptionId}/ping",
            Owners,
            Prepare: SubscribeAsOwnerAsync
        ),
        new(
            "GET /api/v1/groups/{groupId}/webhooks/{subscriptionId}/deliveries",
            Owners,
            Prepare: SubscribeAsOwnerAsync
        ),
        new(
            "POST /api/v1/groups/{groupId}/webhooks/{subscriptionId}/deliveries/{eventId}/redeliver",
            Owners,
            Prepare: SubscribeAndPingAsOwnerAsync
        ),
        // Admin API: hidden from everyone but platform admins.
        new(
            "POST /api/v1/admin/clients",
            Admins,
            Body: _ => new
            {
                displayName = TestSupport.Pii.Text("partner"),
                scopes = new[] { "ledger.read" },
            },
            Hidden: true
        ),
        new(
            "POST /api/v1/admin/clients/{clientId}/secret",
            Admins,
            Prepare: NewClientAsync,
            Hidden: true
        ),
        new(
            "POST /api/v1/admin/clients/{clientId}/disable",
            Admins,
            Prepare: NewClientAsync,
            Hidden: true
        ),
        // Ops API: platform admins only, hidden from everyone else.
        new("GET /api/v1/ops/jobs", Admins, Hidden: true),
        new(
            "POST /api/v1/ops/jobs/{jobName}/trigger",
            Admins,
            Prepare: StoreJobAsync,
            Hidden: true
        ),
        new("POST /api/v1/ops/jobs/{jobName}/pause", Admins, Prepare: StoreJobAsync, Hidden: true),
        new("POST /api/v1/ops/jobs/{jobName}/resume", Admins, Prepare: StoreJobAsync, Hidden: true),
        // Diagnostics and configuration reload: platform admins only, hidden from everyone else.
        new("GET /api/v1/admin/diagnostics", Admins, Hidden: true),
        new("POST /api/v1/admin/config/reload", Admins, Hidden: true),
        .. HouseholdMatrixRows.All,
        .. RecurringExpenseMatrixRows.All,
        .. SettlementMatrixRows.All,
        .. DataTransferMatrixRows.All,
        // Expenses: the prepared expense was recorded by the owner and paid by the member, so
        // the member may read it but only the owner (its creator, and an owner) may change it.
        // Partners with ledger.write record expenses for any members.
        new("GET /api/v1/groups/{groupId}/expenses", Readers),
        new(
            "POST /api/v1/groups/{groupId}/expenses",
            [Member, Owner, PartnerWrite],
            Body: NewExpense
        ),
        // The member bought the prepared item; members turn it into an expense they paid for.
        new(
            "POST /api/v1/groups/{groupId}/expenses/from-list",
            [Member, Owner, PartnerWrite],
            Body: s => new
            {
                listId = s.Values["listId"],
                description = TestSupport.Pii.Text("expense"),
                category = "groceries",
                date = "2026-03-01",
                items = new[] { new { itemId = s.Values["itemId"] } },
            },
            Prepare: MemberBoughtItemAsync
        ),
        new(
            "GET /api/v1/groups/{groupId}/expenses/{expenseId}",
            Readers,
            Prepare: CreateExpenseAsync
        ),
        new(
            "PUT /api/v1/groups/{groupId}/expenses/{expenseId}",
            Owners,
            Body: s => ExpenseFields(s, version: 1),
            Prepare: CreateExpenseAsync
        ),
        new(
            "POST /api/v1/groups/{groupId}/expenses/{expenseId}/void",
            Owners,
            Body: _ => new { reason = TestSupport.Pii.Text("reason"), version = 1 },
            Prepare: CreateExpenseAsync
        ),
        // Balances
        new("GET /api/v1/groups/{groupId}/balances", Readers),
        new("GET /api/v1/groups/{groupId}/balances/consistency", Owners),
        // Last: the admin, the last caller, ends its own account too, and nothing runs after it.
        // A wrong current password (400), as for the password change above.
        new(
            "DELETE /api/v1/me",
            SignedIn,
            Body: _ => new { currentPassword = TestSupport.Pii.Password() },
            EndsCallersAccounts: true
        ),
    ];

    private static async Task GrantSpareAsync(MatrixScenario scenario) =>
        scenario.Values["grantId"] = (
            await Support.ApiPartners.GrantAsync(
                scenario.Owner,
                scenario.GroupId,
                scenario.Users.Spare.ClientId,
                "ledger.read"
            )
        ).ToString();

    private static async Task SubscribeAsOwnerAsync(MatrixScenario scenario)
    {
        using var response = await scenario.Owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{scenario.GroupId}/webhooks",
            new { url = "https://hooks.example.com/ledger" }
        );
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        scenario.Values["subscriptionId"] = created.GetProperty("id").GetString()!;
    }

    private static async Task SubscribeAndPingAsOwnerAsync(MatrixScenario scenario)
    {
        await SubscribeAsOwnerAsync(scenario);
        using var response = await scenario.Owner.HttpClient.PostAsync(
            $"/api/v1/groups/{scenario.GroupId}/webhooks/{scenario.Values["subscriptionId"]}/ping",
            null
        );
        response.EnsureSuccessStatusCode();
        var ping = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        scenario.Values["eventId"] = ping.GetProperty("eventId").GetString()!;
    }

    private static async Task NewClientAsync(MatrixScenario scenario) =>
        scenario.Values["clientId"] = (
            await Support.ApiPartners.CreateClientAsync(scenario.Users.Admin, "ledger.read")
        ).ClientId;

    /// <summary>A job in the schedule with nothing queued, as a worker would have stored it.</summary>
    private static async Task StoreJobAsync(MatrixScenario scenario)
    {
        await Operations.OpsApiTests.StoreTestJobAsync(ApiHost.Factory, "matrix-job");
        scenario.Values["jobName"] = "matrix-job";
    }

    private static Dictionary<string, object?> NewExpense(MatrixScenario scenario) =>
        ExpenseFields(scenario, version: null);

    /// <summary>The member paid 10.00, split equally with the owner.</summary>
    private static Dictionary<string, object?> ExpenseFields(MatrixScenario scenario, int? version)
    {
        var fields = new Dictionary<string, object?>
        {
            ["description"] = TestSupport.Pii.Text("expense"),
            ["category"] = "groceries",
            ["currency"] = "EUR",
            ["total"] = "10.00",
            ["date"] = "2026-03-01",
            ["payers"] = new[] { new { userId = scenario.Member.UserId.Value, amount = "10.00" } },
            ["split"] = new
            {
                type = "equal",
                members = new[] { scenario.Member.UserId.Value, scenario.Owner.UserId.Value },
            },
        };
        if (version is not null)
        {
            fields["version"] = version;
        }

        return fields;
    }

    /// <summary>A group list with one item the member bought for 4.00.</summary>
    private static async Task MemberBoughtItemAsync(MatrixScenario scenario)
    {
        var member = scenario.Member.HttpClient;
        using var list = await member.PostAsJsonAsync(
            "/api/v1/lists",
            new { name = TestSupport.Pii.Name("List"), groupId = scenario.GroupId }
        );
        var listId = (await MatrixScenario.ReadAsync(list)).GetProperty("id").GetString()!;
        using var item = await member.PostAsJsonAsync(
            $"/api/v1/lists/{listId}/items",
            new { name = TestSupport.Pii.Name("Item") }
        );
        var itemId = (await MatrixScenario.ReadAsync(item)).GetProperty("id").GetString()!;
        using var bought = await member.PostAsJsonAsync(
            $"/api/v1/lists/{listId}/items/{itemId}/bought",
            new { price = "4.00", version = 1 }
        );
        await MatrixScenario.ReadAsync(bought);
        scenario.Values["listId"] = listId;
        scenario.Values["itemId"] = itemId;
    }

    private static async Task CreateExpenseAsync(MatrixScenario scenario)
    {
        using var response = await scenario.Owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{scenario.GroupId}/expenses",
            NewExpense(scenario)
        );
        scenario.Values["expenseId"] = (await MatrixScenario.ReadAsync(response))
            .GetProperty("id")
            .GetString()!;
    }

    private static object NewAccount() =>
        new
        {
            email = TestSupport.Pii.Email(),
            password = TestSupport.Pii.Password(),
            displayName = TestSupport.Pii.Name(),
        };

    private static object NewGroup() =>
        new
        {
            name = TestSupport.Pii.Name(),
            defaultCurrency = "EUR",
            timeZone = "Europe/Berlin",
        };

    /// <summary>The id of the invite the member joined with, as its owner lists it.</summary>
    private static async Task RememberInviteAsync(MatrixScenario scenario)
    {
        using var response = await scenario.Owner.HttpClient.GetAsync(
            $"/api/v1/groups/{scenario.GroupId}/invites"
        );
        scenario.Values["inviteId"] = (await MatrixScenario.ReadAsync(response))
            .GetProperty("items")[0]
            .GetProperty("id")
            .GetString()!;
    }

    private static async Task RememberVersionAsync(MatrixScenario scenario) =>
        scenario.Values["version"] = (await scenario.GroupVersionAsync()).ToString(
            System.Globalization.CultureInfo.InvariantCulture
        );

    /// <summary>Everyone leaves: the group is archived, the owner a former owner.</summary>
    private static async Task ArchiveAsync(MatrixScenario scenario)
    {
        using var memberLeft = await scenario.Member.HttpClient.PostAsync(
            $"/api/v1/groups/{scenario.GroupId}/leave",
            null
        );
        await MatrixScenario.ReadAsync(memberLeft);
        using var ownerLeft = await scenario.Owner.HttpClient.PostAsync(
            $"/api/v1/groups/{scenario.GroupId}/leave",
            null
        );
        await MatrixScenario.ReadAsync(ownerLeft);
    }

    private static async Task RequestDeletionAsync(MatrixScenario scenario)
    {
        using var response = await scenario.Owner.HttpClient.PostAsync(
            $"/api/v1/groups/{scenario.GroupId}/deletion-requests",
            null
        );
        scenario.Values["token"] = (await MatrixScenario.ReadAsync(response))
            .GetProperty("confirmationToken")
            .GetString()!;
        await RememberVersionAsync(scenario);
    }

    private static async Task DeleteAsync(MatrixScenario scenario)
    {
        await RequestDeletionAsync(scenario);
        using var request = new HttpRequestMessage(
            HttpMethod.Delete,
            $"/api/v1/groups/{scenario.GroupId}"
        )
        {
            Content = JsonContent.Create(
                new
                {
                    confirmationToken = scenario.Values["token"],
                    confirmationName = scenario.GroupName,
                    version = int.Parse(
                        scenario.Values["version"],
                        System.Globalization.CultureInfo.InvariantCulture
                    ),
                }
            ),
        };
        using var response = await scenario.Owner.HttpClient.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            await MatrixScenario.ReadAsync(response);
        }
    }
}

/// <param name="Operation">"METHOD /path/template" exactly as in the OpenAPI document.</param>
/// <param name="Allowed">Who may call it; everyone else is refused.</param>
/// <param name="Body">The JSON body a permitted caller sends, if the operation takes one.</param>
/// <param name="Prepare">State the operation needs first, made as the group's owner (or the admin).</param>
/// <param name="Hidden">Every refused caller gets 404, members too: the operation does not reveal itself.</param>
/// <param name="IfMatch">The If-Match header a permitted caller sends (deletes carry no body).</param>
/// <param name="EndsCallersAccounts">The call deletes the caller's account: fresh users follow it.</param>
public sealed record MatrixRow(
    string Operation,
    Caller[] Allowed,
    Func<MatrixScenario, object>? Body = null,
    Func<MatrixScenario, Task>? Prepare = null,
    bool Hidden = false,
    string? IfMatch = null,
    bool EndsCallersAccounts = false
);
