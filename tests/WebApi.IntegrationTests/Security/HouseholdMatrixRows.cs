using System.Net.Http.Json;
using Ledger.TestSupport;
using static Ledger.WebApi.IntegrationTests.Security.Caller;

namespace Ledger.WebApi.IntegrationTests.Security;

/// <summary>
/// The matrix rows of lists and chores, called on the scenario group's list or chore: its
/// members may do everything; strangers, the admin (in no group) and partners (who see nothing
/// but granted groups' balances and expenses) get 404. Personal lists and chores, which everyone
/// but their owner gets 404 for, are covered by the list and chore HTTP tests.
/// </summary>
public static class HouseholdMatrixRows
{
    private static readonly Caller[] SignedIn = [Stranger, Member, Owner, Admin];
    private static readonly Caller[] Members = [Member, Owner];

    public static readonly IReadOnlyList<MatrixRow> All =
    [
        // Lists
        new("GET /api/v1/lists", SignedIn),
        new(
            "POST /api/v1/lists",
            Members,
            Body: s => new { name = Pii.Name(), groupId = s.GroupId }
        ),
        new("GET /api/v1/lists/{listId}", Members, Prepare: ListAsync),
        new(
            "PUT /api/v1/lists/{listId}",
            Members,
            Body: _ => new { name = Pii.Name(), version = 1 },
            Prepare: ListAsync
        ),
        new(
            "POST /api/v1/lists/{listId}/archive",
            Members,
            Body: _ => new { version = 1 },
            Prepare: ListAsync
        ),
        new(
            "POST /api/v1/lists/{listId}/unarchive",
            Members,
            Body: _ => new { version = 2 },
            Prepare: ArchivedListAsync
        ),
        new("GET /api/v1/lists/{listId}/changes", Members, Prepare: ListAsync),
        new(
            "POST /api/v1/lists/{listId}/items",
            Members,
            Body: _ => new { name = Pii.Name() },
            Prepare: ListAsync
        ),
        new(
            "PUT /api/v1/lists/{listId}/items/order",
            Members,
            Body: s => new { itemIds = new[] { s.Values["itemId"] }, version = 1 },
            Prepare: ListItemAsync
        ),
        new(
            "PUT /api/v1/lists/{listId}/items/{itemId}",
            Members,
            Body: _ => new { name = Pii.Name(), version = 1 },
            Prepare: ListItemAsync
        ),
        new(
            "DELETE /api/v1/lists/{listId}/items/{itemId}",
            Members,
            Prepare: ListItemAsync,
            IfMatch: "\"1\""
        ),
        new(
            "POST /api/v1/lists/{listId}/items/{itemId}/bought",
            Members,
            Body: _ => new { price = "1.50", version = 1 },
            Prepare: ListItemAsync
        ),
        new(
            "DELETE /api/v1/lists/{listId}/items/{itemId}/bought",
            Members,
            Prepare: BoughtListItemAsync,
            IfMatch: "\"2\""
        ),
        // Chores: one set of endpoints for personal and group chores (audit 003 #8).
        new("GET /api/v1/chores", SignedIn),
        new(
            "POST /api/v1/chores",
            Members,
            Body: s => new
            {
                name = Pii.Name(),
                groupId = s.GroupId,
                frequency = new { kind = "daily" },
            }
        ),
        new("GET /api/v1/chores/{choreId}", Members, Prepare: ChoreAsync),
        new(
            "PUT /api/v1/chores/{choreId}",
            Members,
            Body: _ => new
            {
                name = Pii.Name(),
                frequency = new { kind = "weekly", weekdays = new[] { "friday" } },
                rotation = "fewestCompletions",
                version = 1,
            },
            Prepare: ChoreAsync
        ),
        new(
            "POST /api/v1/chores/{choreId}/archive",
            Members,
            Body: _ => new { version = 1 },
            Prepare: ChoreAsync
        ),
        new(
            "POST /api/v1/chores/{choreId}/unarchive",
            Members,
            Body: _ => new { version = 2 },
            Prepare: ArchivedChoreAsync
        ),
        new("GET /api/v1/chores/{choreId}/history", Members, Prepare: ChoreAsync),
        new("GET /api/v1/chores/{choreId}/assignments", Members, Prepare: ChoreAsync),
        new(
            "POST /api/v1/chores/{choreId}/assignments/{assignmentId}/complete",
            Members,
            Body: _ => new { version = 1 },
            Prepare: ChoreAsync
        ),
        new(
            "POST /api/v1/chores/{choreId}/assignments/{assignmentId}/reopen",
            Members,
            Body: _ => new { version = 2 },
            Prepare: CompletedChoreAsync
        ),
        new(
            "POST /api/v1/chores/{choreId}/assignments/{assignmentId}/skip",
            Members,
            Body: _ => new { version = 1 },
            Prepare: ChoreAsync
        ),
        new(
            "POST /api/v1/chores/{choreId}/assignments/{assignmentId}/reassign",
            Members,
            Body: s => new { assigneeId = s.Member.UserId.Value, version = 1 },
            Prepare: ChoreAsync
        ),
    ];

    private static async Task ListAsync(MatrixScenario scenario)
    {
        var list = await OwnerPostsAsync(
            scenario,
            "/api/v1/lists",
            new { name = Pii.Name(), groupId = scenario.GroupId }
        );
        scenario.Values["listId"] = list.GetProperty("id").GetGuid().ToString();
    }

    private static async Task ArchivedListAsync(MatrixScenario scenario)
    {
        await ListAsync(scenario);
        await OwnerPostsAsync(
            scenario,
            $"/api/v1/lists/{scenario.Values["listId"]}/archive",
            new { version = 1 }
        );
    }

    private static async Task ListItemAsync(MatrixScenario scenario)
    {
        await ListAsync(scenario);
        var item = await OwnerPostsAsync(
            scenario,
            $"/api/v1/lists/{scenario.Values["listId"]}/items",
            new { name = Pii.Name() }
        );
        scenario.Values["itemId"] = item.GetProperty("id").GetGuid().ToString();
    }

    private static async Task BoughtListItemAsync(MatrixScenario scenario)
    {
        await ListItemAsync(scenario);
        await OwnerPostsAsync(
            scenario,
            $"/api/v1/lists/{scenario.Values["listId"]}/items/{scenario.Values["itemId"]}/bought",
            new { version = 1 }
        );
    }

    private static async Task ChoreAsync(MatrixScenario scenario)
    {
        var chore = await OwnerPostsAsync(
            scenario,
            "/api/v1/chores",
            new
            {
                name = Pii.Name(),
                groupId = scenario.GroupId,
                frequency = new { kind = "daily" },
            }
        );
        scenario.Values["choreId"] = chore.GetProperty("id").GetGuid().ToString();
        scenario.Values["assignmentId"] = chore
            .GetProperty("openAssignments")[0]
            .GetProperty("id")
            .GetGuid()
            .ToString();
    }

    private static async Task ArchivedChoreAsync(MatrixScenario scenario)
    {
        await ChoreAsync(scenario);
        await OwnerPostsAsync(
            scenario,
            $"/api/v1/chores/{scenario.Values["choreId"]}/archive",
            new { version = 1 }
        );
    }

    private static async Task CompletedChoreAsync(MatrixScenario scenario)
    {
        await ChoreAsync(scenario);
        await OwnerPostsAsync(
            scenario,
            $"/api/v1/chores/{scenario.Values["choreId"]}/assignments/{scenario.Values["assignmentId"]}/complete",
            new { version = 1 }
        );
    }

    private static async Task<System.Text.Json.JsonElement> OwnerPostsAsync(
        MatrixScenario scenario,
        string url,
        object body
    )
    {
        using var response = await scenario.Owner.HttpClient.PostAsJsonAsync(url, body);
        return await MatrixScenario.ReadAsync(response);
    }
}
