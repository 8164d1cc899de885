using System.Net;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Lists;
using Ledger.WebApi.IntegrationTests.Support;
using static Ledger.WebApi.IntegrationTests.Lists.HouseholdHttp;

namespace Ledger.WebApi.IntegrationTests.Chores;

/// <summary>
/// Audit 003 #7: the old backend served any chore's history to anyone who guessed its id. Here
/// a caller who may not read the chore gets the same 404 for the chore, its assignments and its
/// history — whether it is a group's chore (a stranger) or another user's personal chore (even
/// a member of a group the owner belongs to).
/// </summary>
public sealed class ChoreHistoryPrivacyTests : HttpTest
{
    [Test]
    public async Task Should_answer_not_found_to_a_stranger_for_a_group_chore_its_assignments_and_history()
    {
        using var alice = await ApiUsers.SignUpAsync();
        using var bob = await ApiUsers.SignUpAsync();
        using var mallory = await ApiUsers.SignUpAsync();
        var groupId = await ListEndpointsTests.GroupWithBothAsync(alice, bob);
        var chore = await ChoreEndpointsTests.CreateGroupChoreAsync(alice, groupId);

        await AssertHiddenAsync(
            mallory,
            chore.GetProperty("id").GetGuid(),
            OpenAssignmentOf(chore)
        );
        (
            await SendOkAsync(
                bob.HttpClient,
                HttpMethod.Get,
                $"/api/v1/chores/{chore.GetProperty("id").GetGuid()}/history"
            )
        )
            .GetProperty("items")
            .GetArrayLength()
            .Should()
            .Be(2);
    }

    [Test]
    public async Task Should_answer_not_found_to_anyone_but_the_owner_for_a_personal_chore()
    {
        using var alice = await ApiUsers.SignUpAsync();
        using var bob = await ApiUsers.SignUpAsync();
        // Bob shares a group with Alice: that gives him no access to her personal chores.
        await ListEndpointsTests.GroupWithBothAsync(alice, bob);
        var chore = await ChoreEndpointsTests.CreatePersonalChoreAsync(alice);

        await AssertHiddenAsync(bob, chore.GetProperty("id").GetGuid(), OpenAssignmentOf(chore));
        (
            await SendOkAsync(
                alice.HttpClient,
                HttpMethod.Get,
                $"/api/v1/chores/{chore.GetProperty("id").GetGuid()}/history"
            )
        )
            .GetProperty("items")
            .GetArrayLength()
            .Should()
            .Be(2);
    }

    [Test]
    public async Task Should_answer_not_found_for_a_chore_id_nobody_has()
    {
        using var alice = await ApiUsers.SignUpAsync();

        await AssertHiddenAsync(alice, Guid.NewGuid(), Guid.NewGuid());
    }

    private static Guid OpenAssignmentOf(System.Text.Json.JsonElement chore) =>
        chore.GetProperty("openAssignments")[0].GetProperty("id").GetGuid();

    /// <summary>Every way in answers the same 404, saying nothing about the chore.</summary>
    private static async Task AssertHiddenAsync(ApiUser caller, Guid choreId, Guid assignmentId)
    {
        var attempts = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"/api/v1/chores/{choreId}", null),
            (HttpMethod.Get, $"/api/v1/chores/{choreId}/history", null),
            (HttpMethod.Get, $"/api/v1/chores/{choreId}/history?assignmentId={assignmentId}", null),
            (HttpMethod.Get, $"/api/v1/chores/{choreId}/assignments", null),
            (
                HttpMethod.Put,
                $"/api/v1/chores/{choreId}",
                new
                {
                    name = Pii.Name(),
                    frequency = new { kind = "daily" },
                    rotation = "fixed",
                    version = 1,
                }
            ),
            (HttpMethod.Post, $"/api/v1/chores/{choreId}/archive", new { version = 1 }),
            (
                HttpMethod.Post,
                $"/api/v1/chores/{choreId}/assignments/{assignmentId}/complete",
                new { version = 1 }
            ),
            (
                HttpMethod.Post,
                $"/api/v1/chores/{choreId}/assignments/{assignmentId}/reopen",
                new { version = 1 }
            ),
            (
                HttpMethod.Post,
                $"/api/v1/chores/{choreId}/assignments/{assignmentId}/skip",
                new { version = 1 }
            ),
            (
                HttpMethod.Post,
                $"/api/v1/chores/{choreId}/assignments/{assignmentId}/reassign",
                new { assigneeId = caller.UserId.Value, version = 1 }
            ),
        };

        foreach (var (method, url, body) in attempts)
        {
            using var response = await SendAsync(caller.HttpClient, method, url, body);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{method} {url}");
            var problem = await JsonOf(response);
            problem.GetProperty("detail").GetString().Should().Be("The chore was not found.");
        }
    }
}
