using System.Net.Http.Json;
using static Ledger.WebApi.IntegrationTests.Security.Caller;

namespace Ledger.WebApi.IntegrationTests.Security;

/// <summary>
/// The matrix rows of recurring expenses. The prepared one was created by the owner and is paid
/// by the member: members and partners with a grant read it, only the owner (its creator, and
/// an owner) changes it. Partners never create or change recurring expenses (404).
/// </summary>
public static class RecurringExpenseMatrixRows
{
    private const string Path = "/api/v1/groups/{groupId}/recurring-expenses";

    private static readonly Caller[] Members = [Member, Owner];
    private static readonly Caller[] Readers = [Member, Owner, PartnerRead, PartnerWrite];
    private static readonly Caller[] Owners = [Owner];

    public static readonly IReadOnlyList<MatrixRow> All =
    [
        new($"GET {Path}", Readers),
        new($"POST {Path}", Members, Body: s => Fields(s, version: null)),
        new($"GET {Path}/{{id}}", Readers, Prepare: CreateAsync),
        new($"GET {Path}/{{id}}/preview", Readers, Prepare: CreateAsync),
        new($"PUT {Path}/{{id}}", Owners, Body: s => Fields(s, version: 1), Prepare: CreateAsync),
        new(
            $"POST {Path}/{{id}}/pause",
            Owners,
            Body: _ => new { version = 1 },
            Prepare: CreateAsync
        ),
        new(
            $"POST {Path}/{{id}}/resume",
            Owners,
            Body: _ => new { version = 2 },
            Prepare: PausedAsync
        ),
        new(
            $"POST {Path}/{{id}}/end",
            Owners,
            Body: _ => new { version = 1 },
            Prepare: CreateAsync
        ),
    ];

    /// <summary>The member pays 30.00 a month from 2030, split equally with the owner.</summary>
    private static Dictionary<string, object?> Fields(MatrixScenario scenario, int? version)
    {
        var fields = new Dictionary<string, object?>
        {
            ["description"] = TestSupport.Pii.Text("subscription"),
            ["category"] = "utilities",
            ["currency"] = "EUR",
            ["total"] = "30.00",
            ["payers"] = new[] { new { userId = scenario.Member.UserId.Value, amount = "30.00" } },
            ["split"] = new
            {
                type = "equal",
                members = new[] { scenario.Member.UserId.Value, scenario.Owner.UserId.Value },
            },
            ["recurrence"] = new
            {
                frequency = "monthly",
                interval = 1,
                start = "2030-01-15",
            },
        };
        if (version is not null)
        {
            fields["version"] = version;
        }

        return fields;
    }

    private static async Task CreateAsync(MatrixScenario scenario)
    {
        using var response = await scenario.Owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{scenario.GroupId}/recurring-expenses",
            Fields(scenario, version: null)
        );
        scenario.Values["id"] = (await MatrixScenario.ReadAsync(response))
            .GetProperty("id")
            .GetString()!;
    }

    private static async Task PausedAsync(MatrixScenario scenario)
    {
        await CreateAsync(scenario);
        using var response = await scenario.Owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{scenario.GroupId}/recurring-expenses/{scenario.Values["id"]}/pause",
            new { version = 1 }
        );
        await MatrixScenario.ReadAsync(response);
    }
}
