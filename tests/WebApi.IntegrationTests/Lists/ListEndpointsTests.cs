using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using static Ledger.WebApi.IntegrationTests.Lists.HouseholdHttp;

namespace Ledger.WebApi.IntegrationTests.Lists;

/// <summary>Lists over HTTP: one set of endpoints for personal and group lists, versioned.</summary>
public sealed class ListEndpointsTests : HttpTest
{
    [Test]
    public async Task Should_keep_a_group_list_in_sync_between_two_members()
    {
        using var alice = await ApiUsers.SignUpAsync();
        using var bob = await ApiUsers.SignUpAsync();
        var groupId = await GroupWithBothAsync(alice, bob);

        using var created = await SendAsync(
            alice.HttpClient,
            HttpMethod.Post,
            "/api/v1/lists",
            new { name = Pii.Name("Groceries"), groupId }
        );
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.ETag!.Tag.Should().Be("\"1\"");
        var list = await JsonOf(created);
        var listId = list.GetProperty("id").GetGuid();
        (list.GetProperty("type").GetString(), list.GetProperty("currency").GetString())
            .Should()
            .Be(("group", "EUR"));
        created.Headers.Location!.ToString().Should().Be($"/api/v1/lists/{listId}");

        var milk = await SendOkAsync(
            bob.HttpClient,
            HttpMethod.Post,
            $"/api/v1/lists/{listId}/items",
            new { name = Pii.Name("Milk"), quantity = "2" }
        );
        var milkId = milk.GetProperty("id").GetGuid();
        var synced = (
            await SendOkAsync(alice.HttpClient, HttpMethod.Get, $"/api/v1/lists/{listId}/changes")
        )
            .GetProperty("list")
            .GetProperty("revision")
            .GetInt64();

        using var bought = await SendAsync(
            bob.HttpClient,
            HttpMethod.Post,
            $"/api/v1/lists/{listId}/items/{milkId}/bought",
            new { price = "1.29" },
            ifMatch: "\"1\""
        );
        bought.StatusCode.Should().Be(HttpStatusCode.OK);
        bought.Headers.ETag!.Tag.Should().Be("\"2\"");
        (await JsonOf(bought)).GetProperty("price").GetString().Should().Be("1.29");

        var changes = await SendOkAsync(
            alice.HttpClient,
            HttpMethod.Get,
            $"/api/v1/lists/{listId}/changes?since={synced}"
        );
        changes.GetProperty("full").GetBoolean().Should().BeFalse();
        var changed = changes.GetProperty("items").EnumerateArray().Single();
        (changed.GetProperty("id").GetGuid(), changed.GetProperty("bought").GetBoolean())
            .Should()
            .Be((milkId, true));

        using var removed = await SendAsync(
            alice.HttpClient,
            HttpMethod.Delete,
            $"/api/v1/lists/{listId}/items/{milkId}",
            ifMatch: "\"2\""
        );
        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonOf(removed)).GetProperty("removed").GetBoolean().Should().BeTrue();
        (await SendOkAsync(bob.HttpClient, HttpMethod.Get, $"/api/v1/lists/{listId}"))
            .GetProperty("items")
            .GetArrayLength()
            .Should()
            .Be(0);
    }

    [Test]
    public async Task Should_rename_archive_and_reorder_with_the_lists_version()
    {
        using var alice = await ApiUsers.SignUpAsync();
        var listId = await PersonalListAsync(alice);
        var first = await AddItemAsync(alice, listId);
        var second = await AddItemAsync(alice, listId);

        using var renamed = await SendAsync(
            alice.HttpClient,
            HttpMethod.Put,
            $"/api/v1/lists/{listId}",
            new { name = Pii.Name("Renamed"), version = 1 }
        );
        using var reordered = await SendAsync(
            alice.HttpClient,
            HttpMethod.Put,
            $"/api/v1/lists/{listId}/items/order",
            new { itemIds = new[] { second, first } },
            ifMatch: "\"2\""
        );
        using var archived = await SendAsync(
            alice.HttpClient,
            HttpMethod.Post,
            $"/api/v1/lists/{listId}/archive",
            ifMatch: "\"3\""
        );
        using var unarchived = await SendAsync(
            alice.HttpClient,
            HttpMethod.Post,
            $"/api/v1/lists/{listId}/unarchive",
            new { version = 4 }
        );

        new[] { renamed, reordered, archived, unarchived }
            .Select(r => (r.StatusCode, r.Headers.ETag!.Tag))
            .Should()
            .Equal(
                (HttpStatusCode.OK, "\"2\""),
                (HttpStatusCode.OK, "\"3\""),
                (HttpStatusCode.OK, "\"4\""),
                (HttpStatusCode.OK, "\"5\"")
            );
        (await JsonOf(reordered))
            .GetProperty("items")
            .EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid())
            .Should()
            .Equal(second, first);
    }

    [Test]
    public async Task Should_answer_428_409_and_412_for_missing_stale_body_and_stale_if_match_versions()
    {
        using var alice = await ApiUsers.SignUpAsync();
        var listId = await PersonalListAsync(alice);
        var itemId = await AddItemAsync(alice, listId);
        var url = $"/api/v1/lists/{listId}/items/{itemId}";

        using var none = await SendAsync(
            alice.HttpClient,
            HttpMethod.Put,
            url,
            new { name = Pii.Name() }
        );
        using var staleBody = await SendAsync(
            alice.HttpClient,
            HttpMethod.Put,
            url,
            new { name = Pii.Name(), version = 7 }
        );
        using var staleIfMatch = await SendAsync(
            alice.HttpClient,
            HttpMethod.Put,
            url,
            new { name = Pii.Name() },
            ifMatch: "\"7\""
        );
        using var deleteWithoutIfMatch = await SendAsync(alice.HttpClient, HttpMethod.Delete, url);

        none.StatusCode.Should().Be(HttpStatusCode.PreconditionRequired);
        staleBody.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await JsonOf(staleBody)).GetProperty("currentVersion").GetInt32().Should().Be(1);
        staleIfMatch.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        staleIfMatch.Headers.ETag!.Tag.Should().Be("\"1\"");
        deleteWithoutIfMatch.StatusCode.Should().Be(HttpStatusCode.PreconditionRequired);
    }

    [Test]
    public async Task Should_answer_not_found_for_another_users_personal_list_and_its_items()
    {
        using var alice = await ApiUsers.SignUpAsync();
        using var mallory = await ApiUsers.SignUpAsync();
        var listId = await PersonalListAsync(alice);
        var itemId = await AddItemAsync(alice, listId);

        var attempts = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"/api/v1/lists/{listId}", null),
            (HttpMethod.Get, $"/api/v1/lists/{listId}/changes?since=1", null),
            (HttpMethod.Put, $"/api/v1/lists/{listId}", new { name = Pii.Name(), version = 1 }),
            (HttpMethod.Post, $"/api/v1/lists/{listId}/items", new { name = Pii.Name() }),
            (HttpMethod.Post, $"/api/v1/lists/{listId}/items/{itemId}/bought", new { version = 1 }),
        };

        foreach (var (method, url, body) in attempts)
        {
            using var response = await SendAsync(mallory.HttpClient, method, url, body);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{method} {url}");
            (await response.Content.ReadAsStringAsync()).Should().NotContain(itemId.ToString());
        }
    }

    [Test]
    public async Task Should_bind_only_declared_fields_and_refuse_bad_prices_without_leaking_detail()
    {
        using var alice = await ApiUsers.SignUpAsync();
        var listId = await PersonalListAsync(alice);
        var itemId = await AddItemAsync(alice, listId);

        using var smuggled = await SendAsync(
            alice.HttpClient,
            HttpMethod.Put,
            $"/api/v1/lists/{listId}",
            new
            {
                name = Pii.Name(),
                version = 1,
                groupId = Guid.NewGuid(),
            }
        );
        using var overPrecise = await SendAsync(
            alice.HttpClient,
            HttpMethod.Post,
            $"/api/v1/lists/{listId}/items/{itemId}/bought",
            new { price = "1.999", version = 1 }
        );
        using var number = await SendAsync(
            alice.HttpClient,
            HttpMethod.Post,
            $"/api/v1/lists/{listId}/items/{itemId}/bought",
            new { price = 1.5, version = 1 }
        );

        smuggled.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        overPrecise.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonOf(overPrecise))
            .GetProperty("code")
            .GetString()
            .Should()
            .Be("money.over-precise");
        number.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await number.Content.ReadAsStringAsync()).Should().NotContainAny("Exception", "System.");
    }

    [Test]
    public async Task Should_list_personal_lists_and_a_groups_lists_separately()
    {
        using var alice = await ApiUsers.SignUpAsync();
        using var bob = await ApiUsers.SignUpAsync();
        var groupId = await GroupWithBothAsync(alice, bob);
        var personal = await PersonalListAsync(alice);
        var groupList = (
            await SendOkAsync(
                bob.HttpClient,
                HttpMethod.Post,
                "/api/v1/lists",
                new { name = Pii.Name(), groupId }
            )
        )
            .GetProperty("id")
            .GetGuid();

        var mine = await SendOkAsync(alice.HttpClient, HttpMethod.Get, "/api/v1/lists");
        var ours = await SendOkAsync(
            alice.HttpClient,
            HttpMethod.Get,
            $"/api/v1/lists?groupId={groupId}&limit=10"
        );

        Ids(mine).Should().Equal(personal);
        Ids(ours).Should().Equal(groupList);
        ours.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);
    }

    internal static async Task<Guid> GroupWithBothAsync(ApiUser owner, ApiUser member)
    {
        var group = await SendOkAsync(
            owner.HttpClient,
            HttpMethod.Post,
            "/api/v1/groups",
            new
            {
                name = Pii.Name("Flat"),
                defaultCurrency = "EUR",
                timeZone = "Europe/Berlin",
            }
        );
        var groupId = group.GetProperty("id").GetGuid();
        var invite = await SendOkAsync(
            owner.HttpClient,
            HttpMethod.Post,
            $"/api/v1/groups/{groupId}/invites",
            new { expiresAt = DateTimeOffset.UtcNow.AddDays(1), maxUses = 5 }
        );
        await SendOkAsync(
            member.HttpClient,
            HttpMethod.Post,
            "/api/v1/groups/join",
            new { code = invite.GetProperty("code").GetString() }
        );
        return groupId;
    }

    internal static async Task<Guid> PersonalListAsync(ApiUser owner) =>
        (
            await SendOkAsync(
                owner.HttpClient,
                HttpMethod.Post,
                "/api/v1/lists",
                new { name = Pii.Name("Mine"), currency = "EUR" }
            )
        )
            .GetProperty("id")
            .GetGuid();

    internal static async Task<Guid> AddItemAsync(ApiUser user, Guid listId) =>
        (
            await SendOkAsync(
                user.HttpClient,
                HttpMethod.Post,
                $"/api/v1/lists/{listId}/items",
                new { name = Pii.Name("Item") }
            )
        )
            .GetProperty("id")
            .GetGuid();

    private static IEnumerable<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetGuid());
}
