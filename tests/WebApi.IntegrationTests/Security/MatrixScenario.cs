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
}

/// <summary>
/// Real data for one matrix call: a fresh group with an owner and a member (joined through an
/// invite), and a stranger who is in no group. Rows read ids from it and may prepare more.
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

    public static async Task<MatrixScenario> CreateAsync(MatrixUsers users)
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
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };

    /// <summary>
    /// Fills the path template's parameters with this scenario's ids, and any other parameter
    /// with the value a row's preparation stored under its name (an expense id, say).
    /// </summary>
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

/// <summary>The matrix's users, signed in once per test through the real flow.</summary>
public sealed class MatrixUsers : IDisposable
{
    private MatrixUsers(ApiUser owner, ApiUser member, ApiUser stranger)
    {
        Owner = owner;
        Member = member;
        Stranger = stranger;
        Anonymous = ApiUsers.AnonymousClient();
    }

    public ApiUser Owner { get; }
    public ApiUser Member { get; }
    public ApiUser Stranger { get; }
    public HttpClient Anonymous { get; }

    public static async Task<MatrixUsers> SignUpAsync() =>
        new(
            await ApiUsers.SignUpAsync(),
            await ApiUsers.SignUpAsync(),
            await ApiUsers.SignUpAsync()
        );

    public void Dispose()
    {
        Owner.Dispose();
        Member.Dispose();
        Stranger.Dispose();
        Anonymous.Dispose();
    }
}
