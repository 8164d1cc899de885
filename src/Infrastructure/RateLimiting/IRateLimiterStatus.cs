namespace Ledger.Infrastructure.RateLimiting;

/// <summary>Whether rate limits are currently shared through Redis by all instances.</summary>
public interface IRateLimiterStatus
{
    /// <summary>
    /// True while limits are decided in-process because Redis is away: they still hold, but per
    /// instance. Readiness reports <c>degraded</c>.
    /// </summary>
    bool IsDegraded { get; }
}
