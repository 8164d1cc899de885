using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Groups;

/// <summary>
/// R3 and audit 003 #17 over HTTP: racing writers with the same version produce exactly one
/// success; the rest learn the resource changed (409 for a body version, 412 plus the current
/// ETag for If-Match); an update naming no version at all is 428.
/// </summary>
public sealed class GroupVersioningTests : HttpTest
{
    private const int Racers = 50;

    [Test]
    public async Task Should_let_exactly_one_of_50_updates_with_the_same_body_version_win()
    {
        using var owner = await ApiUsers.SignUpAsync();
        var (groupId, version) = await ApiGroups.CreateGroupWithVersionAsync(owner);

        var statuses = await RaceAsync(() =>
            owner.HttpClient.PutAsJsonAsync($"/api/v1/groups/{groupId}", Settings(version))
        );

        statuses.Count(s => s == HttpStatusCode.OK).Should().Be(1);
        statuses.Count(s => s == HttpStatusCode.Conflict).Should().Be(Racers - 1);
        (await VersionAsync(owner, groupId)).Should().Be(version + 1);
    }

    [Test]
    public async Task Should_let_exactly_one_of_50_updates_with_the_same_if_match_win_and_tell_the_rest_the_current_etag()
    {
        using var owner = await ApiUsers.SignUpAsync();
        var (groupId, version) = await ApiGroups.CreateGroupWithVersionAsync(owner);
        var etags = new System.Collections.Concurrent.ConcurrentBag<string?>();

        var statuses = await RaceAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/groups/{groupId}")
            {
                Content = JsonContent.Create(Settings(version: null)),
            };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            var response = await owner.HttpClient.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                etags.Add(response.Headers.ETag?.Tag);
            }

            return response;
        });

        statuses.Count(s => s == HttpStatusCode.OK).Should().Be(1);
        statuses.Count(s => s == HttpStatusCode.PreconditionFailed).Should().Be(Racers - 1);
        etags.Should().AllBe($"\"{version + 1}\"");
    }

    [Test]
    public async Task Should_require_a_version_and_change_nothing_without_one()
    {
        using var owner = await ApiUsers.SignUpAsync();
        var (groupId, version) = await ApiGroups.CreateGroupWithVersionAsync(owner);

        using var response = await owner.HttpClient.PutAsJsonAsync(
            $"/api/v1/groups/{groupId}",
            Settings(version: null)
        );

        response.StatusCode.Should().Be((HttpStatusCode)428);
        (await response.Content.ReadAsStringAsync()).Should().Contain("If-Match");
        (await VersionAsync(owner, groupId)).Should().Be(version);
    }

    [Test]
    public async Task Should_answer_a_read_with_the_version_as_etag()
    {
        using var owner = await ApiUsers.SignUpAsync();
        var (groupId, version) = await ApiGroups.CreateGroupWithVersionAsync(owner);

        using var response = await owner.HttpClient.GetAsync($"/api/v1/groups/{groupId}");

        response.Headers.ETag!.Tag.Should().Be($"\"{version}\"");
    }

    private static object Settings(int? version) =>
        new
        {
            name = Pii.Name("Renamed"),
            defaultCurrency = "USD",
            timeZone = "America/New_York",
            version,
        };

    private static async Task<List<HttpStatusCode>> RaceAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var start = new SemaphoreSlim(0);
        var racers = Enumerable
            .Range(0, Racers)
            .Select(async _ =>
            {
                await start.WaitAsync();
                using var response = await send();
                return response.StatusCode;
            })
            .ToList();
        start.Release(Racers);
        return [.. await Task.WhenAll(racers)];
    }

    private static async Task<int> VersionAsync(ApiUser owner, Guid groupId)
    {
        using var body = JsonDocument.Parse(
            await owner.HttpClient.GetStringAsync($"/api/v1/groups/{groupId}")
        );
        return body.RootElement.GetProperty("version").GetInt32();
    }
}
