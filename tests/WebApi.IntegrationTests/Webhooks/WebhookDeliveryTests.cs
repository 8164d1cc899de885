using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using StandardWebhooks;
using static Ledger.WebApi.IntegrationTests.Support.ApiGroups;

namespace Ledger.WebApi.IntegrationTests.Webhooks;

/// <summary>
/// Issue 16 end to end: changes made over HTTP reach a real receiver on a loopback port through
/// two real worker processes (their relay claims with SKIP LOCKED and advisory locks, is woken
/// by LISTEN/NOTIFY) — signed so that the <c>StandardWebhooks</c> package verifies them, retried
/// when the receiver fails, in order per subscription, never lost when a worker is killed
/// mid-delivery, and never sent to a partner whose grant was revoked. The API host and the
/// workers allow loopback receivers by configuration (<c>Webhooks:AllowLoopback</c>; off by
/// default, forced off in Production) and use a short retry schedule (the shipped schedule's
/// shape is a unit test). Their own database, so that no worker touches the shared one.
/// </summary>
[NonParallelizable]
public sealed class WebhookDeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TestDatabase _database = null!;
    private WebApplicationFactory<Program> _host = null!;
    private WebhookReceiver _receiver = null!;
    private readonly List<RelayWorker> _workers = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync("webhooks");
        _workers.Add(RelayWorker.Start(_database.ConnectionString, "ledger-relay-a"));
        _workers.Add(RelayWorker.Start(_database.ConnectionString, "ledger-relay-b"));
        _receiver = await WebhookReceiver.StartAsync();
        _host = new LedgerApiFactory(
            _database.ConnectionString,
            "http-webhooks.log"
        ).WithWebHostBuilder(builder => builder.UseSetting("Webhooks:AllowLoopback", "true"));
        _ = _host.Server;
    }

    [SetUp]
    public async Task ResetAsync()
    {
        // What the previous test left queued is delivered first, so that no round still sending
        // it reaches the receiver during this test; then the reset holds every table it empties
        // at once (TestDatabase), so the workers wait for it instead of deadlocking with it.
        _receiver.Answer = (_, _) => Task.FromResult(204);
        await Eventually.HoldsAsync(
            async () => await InFlightAsync() == 0,
            TimeSpan.FromSeconds(10)
        );
        await _database.ResetAsync();
        _receiver.Received.Clear();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        await _host.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Test]
    public async Task Should_deliver_an_expense_created_over_http_with_a_signature_standard_webhooks_verifies()
    {
        using var owner = await ApiUsers.SignUpAsync(_host);
        var group = await CreateGroupAsync(owner);
        var (subscription, secret) = await SubscribeAsync(owner.HttpClient, group, "/hooks");

        var expense = await CreateExpenseAsync(owner, group);

        var received = await ReceivedAsync("/hooks", r => Data(r, "expenseId") == expense);
        var verify = () => new StandardWebhook(secret).Verify(received.Body, received.Headers);
        verify.Should().NotThrow();
        using var body = JsonDocument.Parse(received.Body);
        body.RootElement.GetProperty("type").GetString().Should().Be("expense.created");
        body.RootElement.GetProperty("id").GetString().Should().Be(received.Id);
        body.RootElement.GetProperty("data").GetProperty("groupId").GetGuid().Should().Be(group);
        // The log is written when the worker's round commits, just after the receiver answered.
        var log = new List<JsonElement>();
        (
            await Eventually.HoldsAsync(
                async () =>
                    (
                        log = await DeliveryLogAsync(
                            owner.HttpClient,
                            group,
                            subscription,
                            received.Id
                        )
                    ).Count > 0,
                Patience
            )
        )
            .Should()
            .BeTrue();
        log.Should().ContainSingle();
        log[0].GetProperty("statusCode").GetInt32().Should().Be(204);
        log[0].GetProperty("outcome").GetString().Should().Be("delivered");
        log[0].GetProperty("attempt").GetInt32().Should().Be(1);
    }

    [Test]
    public async Task Should_retry_a_failing_receiver_and_deliver_later_with_the_same_event_id()
    {
        using var owner = await ApiUsers.SignUpAsync(_host);
        var group = await CreateGroupAsync(owner);
        var (subscription, _) = await SubscribeAsync(owner.HttpClient, group, "/flaky");
        var attempts = new ConcurrentDictionary<string, int>();
        _receiver.Answer = (r, _) =>
            Task.FromResult(attempts.AddOrUpdate(r.Id, 1, (_, n) => n + 1) <= 2 ? 500 : 204);

        var expense = await CreateExpenseAsync(owner, group);

        var id = (await ReceivedAsync("/flaky", r => Data(r, "expenseId") == expense)).Id;
        (
            await Eventually.HoldsAsync(
                async () =>
                    (await DeliveryLogAsync(owner.HttpClient, group, subscription, id)).Count == 3,
                Patience
            )
        )
            .Should()
            .BeTrue();
        _receiver.At("/flaky").Where(r => r.Id == id).Should().HaveCount(3);
        var log = await DeliveryLogAsync(owner.HttpClient, group, subscription, id);
        log.Select(a =>
                (a.GetProperty("attempt").GetInt32(), a.GetProperty("statusCode").GetInt32())
            )
            .Should()
            .BeEquivalentTo([(3, 204), (2, 500), (1, 500)], o => o.WithStrictOrdering());
    }

    [Test]
    public async Task Should_keep_the_order_of_a_subscriptions_events_when_some_are_retried()
    {
        using var owner = await ApiUsers.SignUpAsync(_host);
        var group = await CreateGroupAsync(owner);
        await SubscribeAsync(owner.HttpClient, group, "/ordered");
        // The first attempt of every third event fails: the events behind it must wait.
        var seen = new ConcurrentDictionary<string, int>();
        var count = 0;
        _receiver.Answer = (r, _) =>
        {
            var first = seen.TryAdd(r.Id, 0);
            return Task.FromResult(first && Interlocked.Increment(ref count) % 3 == 0 ? 503 : 204);
        };

        var expenses = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            expenses.Add(await CreateExpenseAsync(owner, group));
        }

        await ReceivedAsync("/ordered", r => Data(r, "expenseId") == expenses[^1]);
        var arrivals = _receiver
            .At("/ordered")
            .Select(r => Data(r, "expenseId"))
            .Where(e => e is not null)
            .ToList();
        // Every attempt in arrival order, repeats of a retried event collapsed: the creation order.
        arrivals
            .Where((e, i) => i == 0 || arrivals[i - 1] != e)
            .Should()
            .Equal(expenses.Cast<Guid?>());
        arrivals.Count.Should().BeGreaterThan(expenses.Count, "some first attempts failed");
    }

    [Test]
    public async Task Should_lose_nothing_when_the_worker_sending_a_delivery_is_killed()
    {
        using var owner = await ApiUsers.SignUpAsync(_host);
        var group = await CreateGroupAsync(owner);
        var (subscription, _) = await SubscribeAsync(owner.HttpClient, group, "/killed");
        var held = 0;
        _receiver.Answer = async (r, aborted) =>
        {
            // The first attempt of the expense's event is never answered: its worker dies
            // waiting, holding the subscription's lock. Only that one: the group's own event
            // may reach this subscription too (when the fan-out ran after the subscription was
            // made), and holding it instead would let the expense through, its round commit and
            // the lock go before the test looks for its holder.
            if (
                r.Path == "/killed"
                && Data(r, "expenseId") is not null
                && Interlocked.Increment(ref held) == 1
            )
            {
                await Task.Delay(Timeout.Infinite, aborted).ContinueWith(_ => { });
            }

            return 204;
        };

        var expense = await CreateExpenseAsync(owner, group);
        var first = await ReceivedAsync("/killed", r => Data(r, "expenseId") == expense);
        var sender = await LockHolderAsync(subscription);
        sender
            .Should()
            .BeOneOf(
                _workers.Select(w => w.Name),
                "the worker sending the held attempt holds the subscription's lock until it dies"
            );
        var victim = _workers.Single(w => w.Name == sender);
        await victim.KillAsync();
        _workers.Remove(victim);
        await victim.DisposeAsync();
        _workers.Add(RelayWorker.Start(_database.ConnectionString, sender + "-restarted"));

        (
            await Eventually.HoldsAsync(
                () => Task.FromResult(_receiver.At("/killed").Count(r => r.Id == first.Id) >= 2),
                Patience
            )
        )
            .Should()
            .BeTrue("the survivor sends the killed worker's delivery again");
        (
            await Eventually.HoldsAsync(
                async () =>
                    (await DeliveryLogAsync(owner.HttpClient, group, subscription, first.Id)).Any(
                        a => a.GetProperty("outcome").GetString() == "delivered"
                    ),
                Patience
            )
        )
            .Should()
            .BeTrue();
        _receiver
            .At("/killed")
            .Where(r => r.Id == first.Id)
            .Select(r => r.Body)
            .Distinct()
            .Should()
            .ContainSingle();
    }

    [Test]
    public async Task Should_send_nothing_more_to_a_partner_whose_grant_was_revoked()
    {
        using var owner = await ApiUsers.SignUpAsync(_host);
        var group = await CreateGroupAsync(owner);
        using var admin = await ApiPartners.SignUpAdminAsync(_host);
        var client = await ApiPartners.CreateClientAsync(admin, "ledger.read");
        var grant = await ApiPartners.GrantAsync(owner, group, client.ClientId, "ledger.read");
        using var partner = await ApiPartners.HttpClientAsync(client, "ledger.read", _host);
        var (partnerSubscription, _) = await SubscribeAsync(partner, group, "/partner");
        await SubscribeAsync(owner.HttpClient, group, "/owner");

        var before = await CreateExpenseAsync(owner, group);
        await ReceivedAsync("/partner", r => Data(r, "expenseId") == before);
        using (
            var revoked = await owner.HttpClient.DeleteAsync(
                $"/api/v1/groups/{group}/integrations/{grant}"
            )
        )
        {
            revoked.IsSuccessStatusCode.Should().BeTrue();
        }

        var after = await CreateExpenseAsync(owner, group);

        await ReceivedAsync("/owner", r => Data(r, "expenseId") == after);
        (
            await Eventually.HoldsAsync(
                async () => await PendingDeliveriesAsync(partnerSubscription) == 0,
                Patience
            )
        )
            .Should()
            .BeTrue();
        _receiver.At("/partner").Should().NotContain(r => Data(r, "expenseId") == after);
    }

    [Test]
    public async Task Should_ping_redeliver_and_sign_with_both_secrets_during_a_rotation()
    {
        using var owner = await ApiUsers.SignUpAsync(_host);
        var group = await CreateGroupAsync(owner);
        var (subscription, oldSecret) = await SubscribeAsync(owner.HttpClient, group, "/rotated");
        using var rotation = await owner.HttpClient.PostAsync(
            $"/api/v1/groups/{group}/webhooks/{subscription}/rotate-secret",
            null
        );
        rotation.StatusCode.Should().Be(HttpStatusCode.OK);
        var newSecret = (await rotation.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("secret")
            .GetString()!;
        newSecret.Should().NotBe(oldSecret);

        using var ping = await owner.HttpClient.PostAsync(
            $"/api/v1/groups/{group}/webhooks/{subscription}/ping",
            null
        );
        ping.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var eventId = (await ping.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("eventId")
            .GetString()!;
        var pinged = await ReceivedAsync("/rotated", r => r.Id == eventId);
        using var redelivery = await owner.HttpClient.PostAsync(
            $"/api/v1/groups/{group}/webhooks/{subscription}/deliveries/{eventId}/redeliver",
            null
        );
        redelivery.StatusCode.Should().Be(HttpStatusCode.Accepted);

        foreach (var secret in new[] { oldSecret, newSecret })
        {
            var verify = () => new StandardWebhook(secret).Verify(pinged.Body, pinged.Headers);
            verify.Should().NotThrow("each secret of the overlap verifies with the package");
        }

        JsonDocument
            .Parse(pinged.Body)
            .RootElement.GetProperty("type")
            .GetString()
            .Should()
            .Be("webhook.ping");
        (
            await Eventually.HoldsAsync(
                () => Task.FromResult(_receiver.At("/rotated").Count(r => r.Id == eventId) == 2),
                Patience
            )
        )
            .Should()
            .BeTrue("the redelivery carries the same event id");
        _receiver
            .At("/rotated")
            .Where(r => r.Id == eventId)
            .Select(r => r.Body)
            .Distinct()
            .Should()
            .ContainSingle();
    }

    private async Task<ReceivedWebhook> ReceivedAsync(
        string path,
        Func<ReceivedWebhook, bool> match
    )
    {
        ReceivedWebhook? found = null;
        var arrived = await Eventually.HoldsAsync(
            () => Task.FromResult((found = _receiver.At(path).FirstOrDefault(match)) is not null),
            Patience
        );
        arrived.Should().BeTrue($"a webhook should reach {path}");
        return found!;
    }

    private static Guid? Data(ReceivedWebhook received, string name)
    {
        using var body = JsonDocument.Parse(received.Body);
        return body.RootElement.GetProperty("data").TryGetProperty(name, out var value)
            ? value.GetGuid()
            : null;
    }

    private async Task<(Guid Id, string Secret)> SubscribeAsync(
        HttpClient client,
        Guid group,
        string path
    )
    {
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/groups/{group}/webhooks",
            new { url = _receiver.Url(path) }
        );
        response
            .StatusCode.Should()
            .Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    private static async Task<List<JsonElement>> DeliveryLogAsync(
        HttpClient client,
        Guid group,
        Guid subscription,
        string eventId
    )
    {
        using var response = await client.GetAsync(
            $"/api/v1/groups/{group}/webhooks/{subscription}/deliveries"
        );
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return
        [
            .. (await response.Content.ReadFromJsonAsync<JsonElement>())
                .EnumerateArray()
                .Where(a => a.GetProperty("eventId").GetString() == eventId),
        ];
    }

    /// <summary>The worker whose delivery round holds the subscription's advisory lock (by its connection's application name).</summary>
    private async Task<string?> LockHolderAsync(Guid subscription)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.classid = 1616 AND l.objsubid = 2
              AND l.objid = hashtext(@id::text)::oid AND l.granted
            """,
            connection
        );
        command.Parameters.AddWithValue("id", subscription);
        return (string?)await command.ExecuteScalarAsync();
    }

    /// <summary>Events not yet fanned out and deliveries not yet settled, of every subscription.</summary>
    private async Task<long> InFlightAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM outbox_messages WHERE processed_at IS NULL)
                 + (SELECT count(*) FROM webhook_deliveries WHERE status = 'Pending')
            """,
            connection
        );
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> PendingDeliveriesAsync(Guid subscription)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM outbox_messages WHERE processed_at IS NULL)
                 + (SELECT count(*) FROM webhook_deliveries WHERE subscription_id = @id AND status = 'Pending')
            """,
            connection
        );
        command.Parameters.AddWithValue("id", subscription);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
