using System.Text.Json;
using AwesomeAssertions;
using Ledger.WebApi.IntegrationTests.Lists;
using Ledger.WebApi.IntegrationTests.Support;
using static Ledger.WebApi.IntegrationTests.Lists.HouseholdHttp;

namespace Ledger.WebApi.IntegrationTests.Chores;

/// <summary>
/// Audit 003 #8: the old backend had parallel personal and group chore endpoints that drifted
/// apart. The OpenAPI document shows one set, and it serves both kinds.
/// </summary>
public sealed class OneSetOfChoreEndpointsTests : HttpTest
{
    [Test]
    public async Task Should_document_chore_operations_only_under_api_v1_chores()
    {
        var paths = await DocumentedPathsAsync();

        var chorePaths = paths
            .Where(p => p.Contains("chore", StringComparison.OrdinalIgnoreCase))
            .ToList();
        chorePaths.Should().NotBeEmpty();
        chorePaths
            .Should()
            .OnlyContain(p => p.StartsWith("/api/v1/chores", StringComparison.Ordinal));
        paths.Should().NotContain(p => p.Contains("/personal", StringComparison.OrdinalIgnoreCase));
        paths
            .Should()
            .NotContain(p =>
                p.StartsWith("/api/v1/groups/", StringComparison.Ordinal)
                // A second set of list or chore resources, not an expense made from a list.
                && p.Split('/').Any(segment => segment == "lists" || segment == "chores")
            );
        chorePaths
            .Should()
            .Contain([
                "/api/v1/chores",
                "/api/v1/chores/{choreId}",
                "/api/v1/chores/{choreId}/history",
                "/api/v1/chores/{choreId}/assignments",
            ]);
    }

    [Test]
    public async Task Should_serve_personal_and_group_chores_through_the_same_operations()
    {
        using var alice = await ApiUsers.SignUpAsync();
        using var bob = await ApiUsers.SignUpAsync();
        var groupId = await ListEndpointsTests.GroupWithBothAsync(alice, bob);

        var personal = await ChoreEndpointsTests.CreatePersonalChoreAsync(alice);
        var group = await ChoreEndpointsTests.CreateGroupChoreAsync(alice, groupId);

        foreach (var (chore, type) in new[] { (personal, "personal"), (group, "group") })
        {
            var id = chore.GetProperty("id").GetGuid();
            var read = await SendOkAsync(alice.HttpClient, HttpMethod.Get, $"/api/v1/chores/{id}");
            read.GetProperty("type").GetString().Should().Be(type);
        }
    }

    private static async Task<List<string>> DocumentedPathsAsync()
    {
        using var client = ApiHost.Factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        return document
            .RootElement.GetProperty("paths")
            .EnumerateObject()
            .Select(p => p.Name)
            .ToList();
    }
}
