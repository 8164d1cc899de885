namespace Ledger.Application.Webhooks.Delivery;

/// <summary>
/// When a failed delivery is tried again: exponential backoff (the first retry after
/// <see cref="WebhookOptions.FirstRetryDelay"/>, doubling up to <see cref="WebhookOptions.MaxRetryDelay"/>)
/// with jitter (each delay is drawn between half and all of it, so receivers that failed together
/// are not retried together), until <see cref="WebhookOptions.GiveUpAfter"/> after the delivery
/// was queued. With the shipped settings: 15 s, 30 s, 1 min, … then hourly, about 30 attempts in a day.
/// </summary>
public static class WebhookRetrySchedule
{
    /// <summary>The ceiling of the delay after the <paramref name="failedAttempts"/>-th failed attempt (1-based).</summary>
    public static TimeSpan Ceiling(WebhookOptions options, int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var ticks = options.FirstRetryDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= options.MaxRetryDelay.Ticks
            ? options.MaxRetryDelay
            : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The delay with jitter: uniformly between half the ceiling and the ceiling.</summary>
    public static TimeSpan Delay(WebhookOptions options, int failedAttempts, Random random)
    {
        var ceiling = Ceiling(options, failedAttempts);
        return TimeSpan.FromTicks(
            ceiling.Ticks / 2 + (long)(random.NextDouble() * (ceiling.Ticks / 2))
        );
    }

    /// <summary>Whether a delivery queued at <paramref name="queuedAt"/> that just failed is given up.</summary>
    public static bool GivesUp(
        WebhookOptions options,
        DateTimeOffset queuedAt,
        DateTimeOffset now
    ) => now - queuedAt >= options.GiveUpAfter;
}
