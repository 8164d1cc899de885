using System.Net.Http.Json;
using System.Text.Json;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Security;

/// <summary>Who calls an operation in the authorization matrix.</summary>
public enum Caller
{
    Anonymous,
    Stranger,
    Member,
    Owner,

    /// <summary>A partner client with read and write scopes and no grant on the group.</summary>
    PartnerWithoutGrant,

    /// <summary>A partner client the owner granted <c>ledger.read</c> on the group.</summary>
    PartnerRead,

    /// <summary>A partner client the owner granted <c>ledger.read</c> and <c>ledger.write</c>.</summary>
    PartnerWrite,

    /// <summary>A platform admin (a user listed in <c>Admin:UserIds</c>), in no group.</summary>
    Admin,
}

/// <summary>
/// Real data for one matrix call: a fresh group with an owner and a member (joined through an
/// invite), a stranger and an admin who are in no group, and partner clients, the one calling
/// granted access by the owner when the caller is partner-read or partner-write. Rows read ids
/// from it and may prepare more.
/// </summary>
public sealed class MatrixScenario
{
    private MatrixScenario(MatrixUsers users, Guid groupId, string inviteCode)
    {
        Users = users;
        GroupId = groupId;
        InviteCode = inviteCode;
    }

    public MatrixUsers Users { get; }
    public ApiUser Owner => Users.Owner;
    public ApiUser Member => Users.Member;
    public ApiUser Stranger => Users.Stranger;
    public Guid GroupId { get; }
    public string InviteCode { get; }

    /// <summary>The group's name, as an owner must type it to delete the group.</summary>
    public string GroupName { get; private set; } = string.Empty;

    /// <summary>Values a row's preparation produced (a confirmation token, say).</summary>
    public Dictionary<string, string> Values { get; } = [];

    public static async Task<MatrixScenario> CreateAsync(MatrixUsers users, Caller caller)
    {
        var name = Pii.Name("Matrix");
        using var created = await users.Owner.HttpClient.PostAsJsonAsync(
            "/api/v1/groups",
            new
            {
                name,
                defaultCurrency = "EUR",
                timeZone = "Europe/Berlin",
            }
        );
        var groupId = (await ReadAsync(created)).GetProperty("id").GetGuid();
        using var invite = await users.Owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{groupId}/invites",
            new { expiresAt = DateTimeOffset.UtcNow.AddDays(1), maxUses = 10 }
        );
        var code = (await ReadAsync(invite)).GetProperty("code").GetString()!;
        using var joined = await users.Member.HttpClient.PostAsJsonAsync(
            "/api/v1/groups/join",
            new { code }
        );
        await ReadAsync(joined);
        switch (caller)
        {
            case Caller.PartnerRead:
                await ApiPartners.GrantAsync(
                    users.Owner,
                    groupId,
                    users.PartnerRead.ClientId,
                    "ledger.read"
                );
                break;
            case Caller.PartnerWrite:
                await ApiPartners.GrantAsync(
                    users.Owner,
                    groupId,
                    users.PartnerWrite.ClientId,
                    "ledger.read",
                    "ledger.write"
                );
                break;
        }

        return new MatrixScenario(users, groupId, code) { GroupName = name };
    }

    /// <summary>The group's current version, read by its owner.</summary>
    public async Task<int> GroupVersionAsync()
    {
        using var response = await Owner.HttpClient.GetAsync($"/api/v1/groups/{GroupId}");
        return response.IsSuccessStatusCode
            ? (await ReadAsync(response)).GetProperty("version").GetInt32()
            : 0;
    }

    public HttpClient ClientFor(Caller caller) =>
        caller switch
        {
            Caller.Anonymous => Users.Anonymous,
            Caller.Stranger => Stranger.HttpClient,
            Caller.Member => Member.HttpClient,
            Caller.Owner => Owner.HttpClient,
            Caller.PartnerWithoutGrant => Users.PartnerWithoutGrantHttp,
            Caller.PartnerRead => Users.PartnerReadHttp,
            Caller.PartnerWrite => Users.PartnerWriteHttp,
            Caller.Admin => Users.Admin.HttpClient,
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };

    /// <summary>Fills the path template's parameters with this scenario's ids and prepared values.</summary>
    public string PathFor(string template) =>
        Values.Aggregate(
            template
                .Replace("{groupId}", GroupId.ToString(), StringComparison.Ordinal)
                .Replace("{userId}", Member.UserId.Value.ToString(), StringComparison.Ordinal),
            (path, value) => path.Replace($"{{{value.Key}}}", value.Value, StringComparison.Ordinal)
        );

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}"
            );
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

/// <summary>
/// The matrix's users, signed in once per test through the real flow, and its partner clients,
/// created once per test through the admin API (grants are made per scenario).
/// </summary>
public sealed class MatrixUsers : IDisposable
{
    public required ApiUser Owner { get; init; }
    public required ApiUser Member { get; init; }
    public required ApiUser Stranger { get; init; }
    public required ApiUser Admin { get; init; }
    public HttpClient Anonymous { get; } = ApiUsers.AnonymousClient();

    /// <summary>A client no scenario grants anything: rows grant it to test grant endpoints.</summary>
    public required PartnerClient Spare { get; init; }
    public required PartnerClient PartnerRead { get; init; }
    public required PartnerClient PartnerWrite { get; init; }
    public required HttpClient PartnerWithoutGrantHttp { get; init; }
    public required HttpClient PartnerReadHttp { get; init; }
    public required HttpClient PartnerWriteHttp { get; init; }

    public static async Task<MatrixUsers> SignUpAsync()
    {
        var admin = await ApiPartners.SignUpAdminAsync();
        var withoutGrant = await ApiPartners.CreateClientAsync(
            admin,
            "ledger.read",
            "ledger.write"
        );
        var read = await ApiPartners.CreateClientAsync(admin, "ledger.read");
        var write = await ApiPartners.CreateClientAsync(admin, "ledger.read", "ledger.write");
        return new MatrixUsers
        {
            Owner = await ApiUsers.SignUpAsync(),
            Member = await ApiUsers.SignUpAsync(),
            Stranger = await ApiUsers.SignUpAsync(),
            Admin = admin,
            Spare = await ApiPartners.CreateClientAsync(admin, "ledger.read"),
            PartnerRead = read,
            PartnerWrite = write,
            PartnerWithoutGrantHttp = await ApiPartners.HttpClientAsync(withoutGrant),
            PartnerReadHttp = await ApiPartners.HttpClientAsync(read),
            PartnerWriteHttp = await ApiPartners.HttpClientAsync(write),
        };
    }

    /// <summary>
    /// A fresh owner, member and stranger, after a row ended the previous ones' accounts; the admin
    /// and the partner clients stay (the admin's id is fixed by configuration).
    /// </summary>
    public async Task<MatrixUsers> WithFreshPeopleAsync()
    {
        var fresh = new MatrixUsers
        {
            Owner = await ApiUsers.SignUpAsync(),
            Member = await ApiUsers.SignUpAsync(),
            Stranger = await ApiUsers.SignUpAsync(),
            Admin = Admin,
            Spare = Spare,
            PartnerRead = PartnerRead,
            PartnerWrite = PartnerWrite,
            PartnerWithoutGrantHttp = PartnerWithoutGrantHttp,
            PartnerReadHttp = PartnerReadHttp,
            PartnerWriteHttp = PartnerWriteHttp,
        };
        Owner.Dispose();
        Member.Dispose();
        Stranger.Dispose();
        Anonymous.Dispose();
        return fresh;
    }

    public void Dispose()
    {
        Owner.Dispose();
        Member.Dispose();
        Stranger.Dispose();
        Admin.Dispose();
        Anonymous.Dispose();
        PartnerWithoutGrantHttp.Dispose();
        PartnerReadHttp.Dispose();
        PartnerWriteHttp.Dispose();
    }
}
