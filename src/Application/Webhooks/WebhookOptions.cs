namespace Ledger.Application.Webhooks;

/// <summary>
/// Webhook delivery settings, from the <c>Webhooks</c> configuration section (ADR 0032). The
/// defaults are the shipped behaviour; tests shorten the retry schedule, never the safety rules.
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Lets webhooks reach loopback addresses (and plain http to them), for tests with a local
    /// receiver. Never on by default, and forced off in Production.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How long one attempt may take, connecting included.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The delay before the first retry; each further retry doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A delivery still failing this long after it was queued is given up and its subscription marked failing.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A subscription failing this long is disabled: nothing more is queued for it.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long a rotated-out secret keeps signing beside the new one.</summary>
    public TimeSpan RotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often a relay looks for work when no notification woke it (retries come due this way).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Outbox events one fan-out handles at most (one transaction).</summary>
    public int FanOutBatchSize { get; set; } = 500;

    /// <summary>Subscriptions one delivery round claims at most; their deliveries are sent in parallel.</summary>
    public int SubscriptionsPerRound { get; set; } = 16;

    /// <summary>Deliveries of one subscription one round sends at most, one after another, in order.</summary>
    public int DeliveriesPerSubscription { get; set; } = 100;

    /// <summary>After this long a round starts no further attempt (it ends within this plus one attempt timeout).</summary>
    public TimeSpan RoundBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Handed-on outbox events are deleted this long after they were handed on.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Completed deliveries and delivery log entries are deleted after this long.</summary>
    public TimeSpan DeliveryLogRetention { get; set; } = TimeSpan.FromDays(30);
}
