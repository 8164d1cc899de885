using Ledger.Application.Webhooks.Delivery;
using Ledger.Domain.Integrations;
using Microsoft.Extensions.Options;

namespace Ledger.Application.Webhooks.Commands.DeliverWebhooks;

/// <summary>
/// One delivery round (ADR 0032): claims subscriptions whose oldest pending delivery is due
/// (a subscription is served by one round at a time, across every worker), sends each one's
/// pending deliveries in order — stopping at the first that fails, so the next event waits
/// until the previous one is delivered or given up — and records every attempt in the delivery
/// log. Subscriptions are served in parallel. The outcome commits with the round: a worker that
/// dies mid-round records nothing, and the deliveries are sent again (at least once, same
/// event id). Answers how many attempts it made.
/// </summary>
public sealed record DeliverWebhooks : ICommand<int>, IRequiresAccess
{
    public Access Access => Access.System;
}

public sealed class DeliverWebhooksHandler(
    IApplicationDbContext db,
    IWebhookRelayStore store,
    IWebhookSender sender,
    IOptions<WebhookOptions> options,
    TimeProvider clock
) : ICommandHandler<DeliverWebhooks, int>
{
    public async ValueTask<int> Handle(DeliverWebhooks command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = clock.GetUtcNow();
        var claimed = await store.ClaimSubscriptionsAsync(
            Math.Max(1, settings.SubscriptionsPerRound),
            started,
            cancellationToken
        );
        if (claimed.Count == 0)
        {
            return 0;
        }

        // Loaded one after another (a context serves one query at a time); only the sending runs in parallel.
        var work = new List<(WebhookSubscription, List<WebhookDelivery>)>();
        foreach (
            var subscription in await db
                .WebhookSubscriptions.Where(s => claimed.Contains(s.Id))
                .ToListAsync(cancellationToken)
        )
        {
            var pending = await db
                .WebhookDeliveries.Where(d =>
                    d.SubscriptionId == subscription.Id && d.Status == WebhookDeliveryStatus.Pending
                )
                .OrderBy(d => d.Sequence)
                .Take(Math.Max(1, settings.DeliveriesPerSubscription))
                .ToListAsync(cancellationToken);
            work.Add((subscription, pending));
        }

        var deadline = started + settings.RoundBudget;
        var rounds = await Task.WhenAll(
            work.Select(w => SendInOrderAsync(w.Item1, w.Item2, deadline, cancellationToken))
        );

        foreach (var attempts in rounds)
        {
            db.WebhookDeliveryAttempts.AddRange(attempts);
        }

        foreach (var (subscription, _) in work.Where(w => w.Item1.DisabledAt is not null))
        {
            var now = clock.GetUtcNow();
            await db
                .WebhookDeliveries.Where(d =>
                    d.SubscriptionId == subscription.Id && d.Status == WebhookDeliveryStatus.Pending
                )
                .ExecuteUpdateAsync(
                    set =>
                        set.SetProperty(d => d.Status, WebhookDeliveryStatus.Cancelled)
                            .SetProperty(d => d.CompletedAt, now),
                    cancellationToken
                );
        }

        return rounds.Sum(r => r.Count);
    }

    /// <summary>
    /// Sends a subscription's deliveries one after another until one fails (it is retried later,
    /// and the ones behind it wait) or the round's budget is spent. Touches no database: the
    /// round saves everything at the end, in its transaction.
    /// </summary>
    private async Task<List<WebhookDeliveryAttempt>> SendInOrderAsync(
        WebhookSubscription subscription,
        List<WebhookDelivery> deliveries,
        DateTimeOffset deadline,
        CancellationToken cancellationToken
    )
    {
        var settings = options.Value;
        var attempts = new List<WebhookDeliveryAttempt>();
        foreach (var delivery in deliveries)
        {
            var at = clock.GetUtcNow();
            if (at > deadline || (attempts.Count == 0 && delivery.NextAttemptAt > at))
            {
                break;
            }

            var result = await sender.SendAsync(
                subscription.Url,
                subscription.SigningSecrets(at),
                delivery,
                cancellationToken
            );
            var done = at + result.Duration;
            if (result.Succeeded)
            {
                delivery.Delivered(done);
                subscription.MarkHealthy();
                attempts.Add(Logged(delivery, at, result));
                continue;
            }

            if (!WebhookRetrySchedule.GivesUp(settings, delivery.CreatedAt, done))
            {
                delivery.RetryAt(
                    done
                        + WebhookRetrySchedule.Delay(settings, delivery.Attempts + 1, Random.Shared)
                );
                attempts.Add(Logged(delivery, at, result));
                break;
            }

            delivery.GiveUp(done);
            attempts.Add(Logged(delivery, at, result));
            subscription.MarkFailing(done);
            if (done - subscription.FailingSince >= settings.DisableAfter)
            {
                subscription.Disable(done);
                break;
            }
        }

        return attempts;
    }

    private static WebhookDeliveryAttempt Logged(
        WebhookDelivery delivery,
        DateTimeOffset at,
        WebhookSendResult result
    ) =>
        WebhookDeliveryAttempt.Of(
            delivery,
            at,
            result.StatusCode,
            result.Duration,
            result.Outcome,
            result.Snippet
        );
}
