using System.Net;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Lists;
using Ledger.WebApi.IntegrationTests.Support;
using static Ledger.WebApi.IntegrationTests.Lists.HouseholdHttp;

namespace Ledger.WebApi.IntegrationTests.Chores;

/// <summary>Chores over HTTP: one set of endpoints for personal and group chores.</summary>
public sealed class ChoreEndpointsTests : HttpTest
{
    [Test]
    public async Task Should_rotate_a_group_chore_through_completions_with_its_history()
    {
        using var alice = await ApiUsers.SignUpAsync();
        using var bob = await ApiUsers.SignUpAsync();
        var groupId = await ListEndpointsTests.GroupWithBothAsync(alice, bob);

        using var created = await SendAsync(
            alice.HttpClient,
            HttpMethod.Post,
            "/api/v1/chores",
            new
            {
                name = Pii.Name("Bins"),
                description = Pii.Text("Out on the kerb"),
                groupId,
                frequency = new { kind = "weekly", weekdays = new[] { "monday", "thursday" } },
                rotation = "roundRobin",
            }
        );
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var chore = await JsonOf(created);
        var choreId = chore.GetProperty("id").GetGuid();
        (chore.GetProperty("type").GetString(), chore.GetProperty("timeZone").GetString())
            .Should()
            .Be(("group", "Europe/Berlin"));
        chore
            .GetProperty("frequency")
            .GetProperty("weekdays")
            .EnumerateArray()
            .Select(d => d.GetString())
            .Should()
            .Equal("monday", "thursday");
        var first = chore.GetProperty("openAssignments")[0];
        first.GetProperty("assigneeId").GetGuid().Should().Be(alice.UserId.Value);

        using var completed = await SendAsync(
            bob.HttpClient,
            HttpMethod.Post,
            $"/api/v1/chores/{choreId}/assignments/{first.GetProperty("id").GetGuid()}/complete",
            ifMatch: "\"1\""
        );
        completed.StatusCode.Should().Be(HttpStatusCode.OK);
        completed.Headers.ETag!.Tag.Should().Be("\"2\"");
        (await JsonOf(completed)).GetProperty("status").GetString().Should().Be("completed");

        var read = await SendOkAsync(alice.HttpClient, HttpMethod.Get, $"/api/v1/chores/{choreId}");
        read.GetProperty("openAssignments")[0]
            .GetProperty("assigneeId")
            .GetGuid()
            .Should()
            .Be(bob.UserId.Value);
        var history = await SendOkAsync(
            bob.HttpClient,
            HttpMethod.Get,
            $"/api/v1/chores/{choreId}/history"
        );
        history
            .GetProperty("items")
            .EnumerateArray()
            .Select(e => e.GetProperty("kind").GetString())
            .Should()
            .Equal("assigned", "completed", "assigned", "created");
        var completedOnes = await SendOkAsync(
            bob.HttpClient,
            HttpMethod.Get,
            $"/api/v1/chores/{choreId}/assignments?status=completed"
        );
        completedOnes
            .GetProperty("items")
            .EnumerateArray()
            .Select(a => a.GetProperty("completedBy").GetGuid())
            .Should()
            .Equal(bob.UserId.Value);
    }

    [Test]
    public async Task Should_update_archive_and_reassign_with_versions()
    {
        using var alice = await ApiUsers.SignUpAsync();
        using var bob = await ApiUsers.SignUpAsync();
        var groupId = await ListEndpointsTests.GroupWithBothAsync(alice, bob);
        var chore = await CreateGroupChoreAsync(alice, groupId);
        var choreId = chore.GetProperty("id").GetGuid();
        var assignmentId = chore.GetProperty("openAssignments")[0].GetProperty("id").GetGuid();

        using var reassigned = await SendAsync(
            alice.HttpClient,
            HttpMethod.Post,
            $"/api/v1/chores/{choreId}/assignments/{assignmentId}/reassign",
            new { assigneeId = bob.UserId.Value, version = 1 }
        );
        using var updated = await SendAsync(
            bob.HttpClient,
            HttpMethod.Put,
            $"/api/v1/chores/{choreId}",
            new
            {
                name = Pii.Name("Dishes"),
                frequency = new { kind = "monthly", dayOfMonth = 31 },
                rotation = "fewestCompletions",
                participantIds = new[] { bob.UserId.Value },
            },
            ifMatch: "\"1\""
        );
        using var stale = await SendAsync(
            alice.HttpClient,
            HttpMethod.Post,
            $"/api/v1/chores/{choreId}/archive",
            new { version = 1 }
        );
        using var archived = await SendAsync(
            alice.HttpClient,
            HttpMethod.Post,
            $"/api/v1/chores/{choreId}/archive",
            ifMatch: "\"2\""
        );

        reassigned.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonOf(reassigned))
            .GetProperty("assigneeId")
            .GetGuid()
            .Should()
            .Be(bob.UserId.Value);
        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonOf(updated))
            .GetProperty("rotation")
            .GetString()
            .Should()
            .Be("fewestCompletions");
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        archived.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonOf(archived)).GetProperty("archived").GetBoolean().Should().BeTrue();
    }

    [Test]
    public async Task Should_refuse_an_invalid_frequency_with_a_clear_error()
    {
        using var alice = await ApiUsers.SignUpAsync();

        using var response = await SendAsync(
            alice.HttpClient,
            HttpMethod.Post,
            "/api/v1/chores",
            new { name = Pii.Name(), frequency = new { kind = "everyNDays", intervalDays = 0 } }
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await JsonOf(response)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().Equal("frequency.intervalDays");
    }

    [TestCase("1")]
    [TestCase("done")]
    public async Task Should_refuse_an_assignment_status_that_is_not_one_of_the_names(string status)
    {
        using var alice = await ApiUsers.SignUpAsync();
        var chore = await CreatePersonalChoreAsync(alice);

        using var response = await SendAsync(
            alice.HttpClient,
            HttpMethod.Get,
            $"/api/v1/chores/{chore.GetProperty("id").GetGuid()}/assignments?status={status}"
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonOf(response))
            .GetProperty("errors")
            .TryGetProperty("status", out _)
            .Should()
            .BeTrue();
    }

    internal static async Task<JsonElement> CreateGroupChoreAsync(ApiUser user, Guid groupId) =>
        await SendOkAsync(
            user.HttpClient,
            HttpMethod.Post,
            "/api/v1/chores",
            new
            {
                name = Pii.Name("Chore"),
                groupId,
                frequency = new { kind = "daily" },
            }
        );

    internal static async Task<JsonElement> CreatePersonalChoreAsync(ApiUser user) =>
        await SendOkAsync(
            user.HttpClient,
            HttpMethod.Post,
            "/api/v1/chores",
            new
            {
                name = Pii.Name("Mine"),
                frequency = new { kind = "everyNDays", intervalDays = 3 },
                timeZone = "America/New_York",
            }
        );
}
