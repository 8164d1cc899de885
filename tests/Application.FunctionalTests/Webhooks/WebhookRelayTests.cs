using AwesomeAssertions;
using Ledger.Application.Operations.Commands.PurgeWebhookHistory;
using Ledger.Application.Webhooks;
using Ledger.Application.Webhooks.Commands.CreateWebhookSubscription;
using Ledger.Application.Webhooks.Commands.RelayWebhookEvents;
using Ledger.Application.Webhooks.Delivery;
using Ledger.Domain.Integrations;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Webhooks;

/// <summary>
/// The relay's fan-out and the retention purge on the real database (the delivery itself, with
/// worker processes and a receiver, is in WebApi.IntegrationTests/Webhooks).
/// </summary>
public sealed class WebhookRelayTests : FunctionalTest
{
    [Test]
    public async Task Should_queue_each_event_once_per_subscription_in_order_and_purge_it_after_the_retention()
    {
        var (group, owner) = await CreateGroupAsync();
        var first = await SendAsync(
            new CreateWebhookSubscription(group, "https://hooks.example.com/a"),
            owner
        );
        var second = await SendAsync(
            new CreateWebhookSubscription(group, "https://hooks.example.com/b"),
            owner
        );

        var relayed = await SendAsSystemAsync(new RelayWebhookEvents());
        var again = await SendAsSystemAsync(new RelayWebhookEvents());

        var events = await WithDbAsync(db =>
            db.OutboxMessages.AsNoTracking().OrderBy(m => m.Position).ToListAsync()
        );
        relayed.Should().Be(events.Count);
        again.Should().Be(0, "an event is handed on once");
        events.Should().OnlyContain(m => m.ProcessedAt != null);
        var deliveries = await WithDbAsync(db =>
            db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Sequence).ToListAsync()
        );
        foreach (var subscription in new[] { first.Id, second.Id })
        {
            deliveries
                .Where(d => d.SubscriptionId == subscription)
                .Select(d => d.EventId)
                .Should()
                .Equal(events.Select(m => m.Id), "each event once, in event order");
        }

        deliveries.Should().OnlyContain(d => d.Status == WebhookDeliveryStatus.Pending);
        deliveries[0].Body.Should().Contain($"\"id\" : \"{events[0].Id}\"");

        // Past the outbox retention the handed-on events go; pending deliveries never do.
        Clock.Advance(TimeSpan.FromDays(8));
        var purged = await SendAsSystemAsync(new PurgeWebhookHistory());
        purged
            .Summary.Should()
            .StartWith($"Purged {events.Count} outbox events, 0 webhook deliveries");
        (await CountAsync<OutboxMessage>()).Should().Be(0);
        (await CountAsync<WebhookDelivery>()).Should().Be(deliveries.Count);

        // Completed deliveries go after the delivery log's retention.
        await WithDbAsync(db =>
            db.WebhookDeliveries.ExecuteUpdateAsync(set =>
                set.SetProperty(d => d.Status, WebhookDeliveryStatus.Delivered)
                    .SetProperty(d => d.CompletedAt, Clock.GetUtcNow())
            )
        );
        Clock.Advance(TimeSpan.FromDays(31));
        (await SendAsSystemAsync(new PurgeWebhookHistory()))
            .Summary.Should()
            .StartWith($"Purged 0 outbox events, {deliveries.Count} webhook deliveries");
        (await CountAsync<WebhookDelivery>()).Should().Be(0);
    }
}

/// <summary>The shipped retry schedule's shape: exponential, jittered, capped, given up after about a day.</summary>
public sealed class WebhookRetryScheduleTests
{
    private static readonly WebhookOptions Shipped = new();

    [Test]
    public void Should_double_from_15_seconds_up_to_an_hour()
    {
        Enumerable
            .Range(1, 10)
            .Select(n => WebhookRetrySchedule.Ceiling(Shipped, n))
            .Should()
            .Equal(
                TimeSpan.FromSeconds(15),
                TimeSpan.FromSeconds(30),
                TimeSpan.FromMinutes(1),
                TimeSpan.FromMinutes(2),
                TimeSpan.FromMinutes(4),
                TimeSpan.FromMinutes(8),
                TimeSpan.FromMinutes(16),
                TimeSpan.FromMinutes(32),
                TimeSpan.FromHours(1),
                TimeSpan.FromHours(1)
            );
        WebhookRetrySchedule.Ceiling(Shipped, 500).Should().Be(TimeSpan.FromHours(1));
    }

    [Test]
    public void Should_jitter_each_delay_between_half_and_all_of_its_ceiling()
    {
        var random = new Random(16);
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var ceiling = WebhookRetrySchedule.Ceiling(Shipped, attempt);
            var delays = Enumerable
                .Range(0, 200)
                .Select(_ => WebhookRetrySchedule.Delay(Shipped, attempt, random))
                .ToList();
            delays.Should().OnlyContain(d => d >= ceiling / 2 && d <= ceiling);
            delays.Distinct().Count().Should().BeGreaterThan(100, "the delays are spread");
        }
    }

    [Test]
    public void Should_give_up_after_about_a_day_of_attempts()
    {
        var queued = DateTimeOffset.UnixEpoch;
        foreach (var (random, low, high) in new[] { (0.0, 50, 60), (1.0, 28, 36) })
        {
            var now = queued;
            var attempts = 0;
            while (true)
            {
                attempts++;
                if (WebhookRetrySchedule.GivesUp(Shipped, queued, now))
                {
                    break;
                }

                now += WebhookRetrySchedule.Delay(Shipped, attempts, new FixedRandom(random));
            }

            (now - queued).Should().BeCloseTo(TimeSpan.FromHours(24), TimeSpan.FromHours(1));
            attempts.Should().BeInRange(low, high);
        }
    }

    [Test]
    public void Should_ship_a_day_of_retries_then_three_days_failing_before_disabling()
    {
        // The end-to-end test shortens these through configuration; this pins what ships.
        Shipped.FirstRetryDelay.Should().Be(TimeSpan.FromSeconds(15));
        Shipped.MaxRetryDelay.Should().Be(TimeSpan.FromHours(1));
        Shipped.GiveUpAfter.Should().Be(TimeSpan.FromHours(24));
        Shipped.DisableAfter.Should().Be(TimeSpan.FromDays(3));
        Shipped.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(10));
        Shipped.AllowLoopback.Should().BeFalse();

        // And no shipped configuration file of the API or the worker overrides them.
        foreach (
            var file in new[]
            {
                "src/WebApi/appsettings.json",
                "src/WebApi/appsettings.Development.json",
                "src/Worker/appsettings.json",
            }
        )
        {
            using var json = System.Text.Json.JsonDocument.Parse(
                File.ReadAllText(
                    Path.Combine(Ledger.TestSupport.TestEnvironment.RepositoryRoot(), file)
                )
            );
            var configured = json
                .RootElement.EnumerateObject()
                .Any(p => p.NameEquals(WebhookOptions.SectionName));
            configured.Should().BeFalse($"{file} keeps the shipped webhook settings");
        }
    }

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
