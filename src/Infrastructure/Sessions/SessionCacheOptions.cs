namespace Ledger.Infrastructure.Sessions;

/// <summary><c>Sessions:CacheSeconds</c>: how long a validated access token is trusted without asking the database (0 turns the cache off).</summary>
public sealed class SessionCacheOptions
{
    public const string Section = "Sessions";

    /// <summary>At most 30 (ADR 0020); 0 validates every request against the database.</summary>
    public int CacheSeconds { get; set; } = 30;

    /// <summary>Above this many entries the cache starts over (a bound on memory, not a tuning knob).</summary>
    public int MaxEntries { get; set; } = 100_000;
}
