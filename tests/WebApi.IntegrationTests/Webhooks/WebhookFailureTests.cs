using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.Application.Webhooks;
using Ledger.Application.Webhooks.Delivery;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using static Ledger.WebApi.IntegrationTests.Support.ApiGroups;

namespace Ledger.WebApi.IntegrationTests.Webhooks;

/// <summary>
/// Issue 16, the failure paths end to end, each with a real worker process of its own:
/// <list type="bullet">
/// <item>A worker in Production refuses at connect time a subscription whose host name
/// resolves to loopback (<c>localhost</c>: the name a DNS answer can turn private after the URL
/// was accepted), even with <c>Webhooks:AllowLoopback</c> set, and never opens a connection to
/// the loopback listener; the attempt is logged as refused, without the address.</item>
/// <item>A receiver that always fails is retried with growing delays until the give-up window
/// ends; the subscription is then <c>failing</c> for its owner over HTTP, later <c>disabled</c>,
/// and then nothing more is sent. The windows are shortened through configuration (the
/// <c>Webhooks</c> section); the shipped schedule is pinned by <c>WebhookRetryScheduleTests</c>.</item>
/// </list>
/// The subscriptions are made through an API host that accepts loopback URLs (configuration);
/// the refusal of private URLs at creation with the shipped settings is in
/// <see cref="WebhookSubscriptionTests"/>. Their own database, so no worker touches the shared one.
/// </summary>
[NonParallelizable]
public sealed class WebhookFailureTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private TestDatabase _database = null!;
    private WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync("webhook_failures");
        _host = new LedgerApiFactory(
            _database.ConnectionString,
            "http-webhook-failures.log"
        ).WithWebHostBuilder(builder => builder.UseSetting("Webhooks:AllowLoopback", "true"));
        _ = _host.Server;
    }

    [SetUp]
    public Task ResetAsync() => _database.ResetAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Should_refuse_at_connect_time_in_production_a_host_name_that_resolves_to_loopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var connections = 0;
        using var stop = new CancellationTokenSource();
        var accepting = AcceptAsync(listener, () => Interlocked.Increment(ref connections), stop);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var worker = RelayWorker.Start(
            _database.ConnectionString,
            "ledger-relay-production",
            "Production",
            new Dictionary<string, string>
            {
                // Configured on, as a mistake would: Production must ignore it.
                ["Webhooks__AllowLoopback"] = "true",
                ["Webhooks__PollInterval"] = "00:00:00.100",
                ["Storage__ReceiptsRoot"] = ApiHost.ReceiptsRoot,
                [Infrastructure.Identity.KeyRingEncryptionKey.Setting.Replace(":", "__")] =
                    Infrastructure.Identity.KeyRingEncryptionKey.DevelopmentKeyBase64,
            }
        );
        using var owner = await ApiUsers.SignUpAsync(_host);
        var group = await CreateGroupAsync(owner);
        await HandedOnAsync(worker);
        var subscription = await SubscribeAsync(
            owner.HttpClient,
            group,
            $"https://localhost:{port}/hook"
        );

        using var ping = await owner.HttpClient.PostAsync(
            $"/api/v1/groups/{group}/webhooks/{subscription}/ping",
            null
        );
        ping.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var eventId = (await ping.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("eventId")
            .GetString()!;

        var log = await AttemptsAsync(owner.HttpClient, group, subscription, eventId, 1, worker);
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        connections.Should().Be(0, "the relay never connected to the loopback listener");
        log[0].GetProperty("outcome").GetString().Should().Be("address-refused");
        log[0].GetProperty("statusCode").ValueKind.Should().Be(JsonValueKind.Null);
        var text = log[0].GetRawText();
        text.Should().NotContain("127.0.0.1").And.NotContain("::1").And.NotContain(port.ToString());
    }

    [Test]
    public async Task Should_back_off_then_mark_failing_then_disable_and_send_nothing_more()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, _) => Task.FromResult(500);
        var settings = new Dictionary<string, string>
        {
            ["Webhooks__FirstRetryDelay"] = "00:00:00.200",
            ["Webhooks__MaxRetryDelay"] = "00:00:00.800",
            ["Webhooks__GiveUpAfter"] = "00:00:03",
            ["Webhooks__DisableAfter"] = "00:00:01",
            ["Webhooks__PollInterval"] = "00:00:00.100",
        };
        await using var worker = RelayWorker.Start(
            _database.ConnectionString,
            "ledger-relay-failing",
            settings: settings
        );
        using var owner = await ApiUsers.SignUpAsync(_host);
        var group = await CreateGroupAsync(owner);
        // The group's own event is handed on before the subscription exists: only expenses reach it.
        await HandedOnAsync(worker);
        var subscription = await SubscribeAsync(
            owner.HttpClient,
            group,
            receiver.Url("/always-failing")
        );

        // 1. The first event is retried with growing delays, then given up: failing.
        await CreateExpenseAsync(owner, group);
        (await StateAsync(owner.HttpClient, group, subscription, "failing", worker))
            .GetProperty("failingSince")
            .ValueKind.Should()
            .Be(JsonValueKind.String);
        var first = (await LogAsync(owner.HttpClient, group, subscription))
            .OrderBy(a => a.GetProperty("attemptedAt").GetDateTimeOffset())
            .ToList();
        first.Should().HaveCountGreaterThanOrEqualTo(3);
        first.Select(a => a.GetProperty("eventId").GetString()).Distinct().Should().ContainSingle();
        first
            .Select(a => a.GetProperty("attempt").GetInt32())
            .Should()
            .Equal(Enumerable.Range(1, first.Count));
        first.Should().OnlyContain(a => a.GetProperty("statusCode").GetInt32() == 500);
        var shortened = new WebhookOptions
        {
            FirstRetryDelay = TimeSpan.FromMilliseconds(200),
            MaxRetryDelay = TimeSpan.FromMilliseconds(800),
        };
        for (var n = 1; n < first.Count; n++)
        {
            var gap =
                first[n].GetProperty("attemptedAt").GetDateTimeOffset()
                - first[n - 1].GetProperty("attemptedAt").GetDateTimeOffset();
            // The jitter's floor: half the ceiling, which doubles from 200 ms up to 800 ms.
            gap.Should()
                .BeGreaterThanOrEqualTo(
                    WebhookRetrySchedule.Ceiling(shortened, n) / 2,
                    $"retry {n} waits out its backoff"
                );
        }

        // 2. A later event, failing too long after the first was given up: disabled.
        await CreateExpenseAsync(owner, group);
        await StateAsync(owner.HttpClient, group, subscription, "disabled", worker);
        var sent = receiver.Received.Count;
        var logged = (await LogAsync(owner.HttpClient, group, subscription)).Count;

        // 3. Nothing more: a third event is handed on by the relay, but not to this subscription.
        var third = await CreateExpenseAsync(owner, group);
        (await Eventually.HoldsAsync(async () => await UnhandledAsync(subscription) == 0, Patience))
            .Should()
            .BeTrue("the relay handed the third event on");
        receiver.Received.Count.Should().Be(sent);
        receiver.Received.Should().NotContain(r => r.Body.Contains(third.ToString()));
        (await LogAsync(owner.HttpClient, group, subscription)).Count.Should().Be(logged);
        worker.HasExited.Should().BeFalse();
    }

    private static async Task AcceptAsync(
        TcpListener listener,
        Action accepted,
        CancellationTokenSource stop
    )
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                accepted();
            }
        }
        catch (Exception failure)
            when (failure
                    is OperationCanceledException
                        or SocketException
                        or ObjectDisposedException
            )
        {
            // Stopped.
        }
    }

    /// <summary>Waits until the subscription's log holds at least <paramref name="count"/> attempts of the event.</summary>
    private static async Task<List<JsonElement>> AttemptsAsync(
        HttpClient client,
        Guid group,
        Guid subscription,
        string eventId,
        int count,
        RelayWorker worker
    )
    {
        var log = new List<JsonElement>();
        var logged = await Eventually.HoldsAsync(
            async () =>
            {
                log =
                [
                    .. (await LogAsync(client, group, subscription)).Where(a =>
                        a.GetProperty("eventId").GetString() == eventId
                    ),
                ];
                return log.Count >= count || worker.HasExited;
            },
            Patience
        );
        worker.HasExited.Should().BeFalse("the worker should keep running");
        logged.Should().BeTrue($"{count} attempt(s) should be logged");
        return log;
    }

    private static async Task<JsonElement> StateAsync(
        HttpClient client,
        Guid group,
        Guid subscription,
        string state,
        RelayWorker worker
    )
    {
        JsonElement found = default;
        var reached = await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await client.GetAsync($"/api/v1/groups/{group}/webhooks");
                response.StatusCode.Should().Be(HttpStatusCode.OK);
                found = (await response.Content.ReadFromJsonAsync<JsonElement>())
                    .EnumerateArray()
                    .Single(s => s.GetProperty("id").GetGuid() == subscription);
                return found.GetProperty("state").GetString() == state || worker.HasExited;
            },
            Patience
        );
        worker.HasExited.Should().BeFalse("the worker should keep running");
        reached.Should().BeTrue($"the subscription should become {state}");
        return found;
    }

    private static async Task<List<JsonElement>> LogAsync(
        HttpClient client,
        Guid group,
        Guid subscription
    )
    {
        using var response = await client.GetAsync(
            $"/api/v1/groups/{group}/webhooks/{subscription}/deliveries"
        );
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    /// <summary>Waits until the running worker has handed on every outbox event (the worker has booted).</summary>
    private async Task HandedOnAsync(RelayWorker worker) =>
        (
            await Eventually.HoldsAsync(
                async () => await UnhandledAsync(Guid.Empty) == 0 || worker.HasExited,
                Patience
            )
        )
            .Should()
            .BeTrue("the worker hands the outbox on");

    /// <summary>Outbox events not yet handed on, plus the subscription's deliveries still pending.</summary>
    private async Task<long> UnhandledAsync(Guid subscription)
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

    private static async Task<Guid> SubscribeAsync(HttpClient client, Guid group, string url)
    {
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/groups/{group}/webhooks",
            new { url }
        );
        response
            .StatusCode.Should()
            .Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id")
            .GetGuid();
    }
}
