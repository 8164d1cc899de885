using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ledger.Infrastructure.Sessions;

/// <summary>
/// Access tokens this host has validated lately (token, token entry, authorization entry,
/// account liveness), kept at most <see cref="SessionCacheOptions.CacheSeconds"/> and never past
/// the token's expiry. Forgotten per subject when PostgreSQL notifies a change that can end a
/// session (<see cref="SessionInvalidationListener"/>), and entirely while that listener is not
/// connected: then every request is validated against the database as before (ADR 0020).
/// </summary>
public sealed class SessionCache(IOptions<SessionCacheOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _invalidatedAt = new(
        StringComparer.Ordinal
    );
    private long _version;
    private long _clearedAt;
    private volatile bool _listening;

    /// <summary>Only while invalidations can reach this host.</summary>
    public bool IsEnabled => _listening && options.Value.CacheSeconds > 0;

    /// <summary>Taken before validating: an entry validated before a later invalidation never counts.</summary>
    public long Version => Interlocked.Read(ref _version);

    public AuthenticationTicket? Find(string key)
    {
        if (!IsEnabled || !_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt > clock.GetUtcNow() && IsCurrent(entry))
        {
            return entry.Ticket;
        }

        _entries.TryRemove(key, out _);
        return null;
    }

    public void Add(
        string key,
        AuthenticationTicket ticket,
        string subject,
        long version,
        DateTimeOffset? tokenExpiresAt
    )
    {
        if (!IsEnabled)
        {
            return;
        }

        var expiresAt = clock.GetUtcNow().AddSeconds(Math.Min(options.Value.CacheSeconds, 30));
        if (tokenExpiresAt < expiresAt)
        {
            expiresAt = tokenExpiresAt.Value;
        }

        if (_entries.Count >= options.Value.MaxEntries)
        {
            Clear();
        }

        var entry = new Entry(ticket, subject, version, expiresAt);
        if (IsCurrent(entry))
        {
            _entries[key] = entry;
        }
    }

    /// <summary>Something about this subject's sessions changed: validate its tokens again.</summary>
    public void Invalidate(string subject)
    {
        var version = Interlocked.Increment(ref _version);
        _invalidatedAt[subject] = version;
        if (_invalidatedAt.Count >= options.Value.MaxEntries)
        {
            Clear();
        }
    }

    /// <summary>Forget everything (the listener connected, reconnected or lost its connection).</summary>
    public void Clear()
    {
        Interlocked.Exchange(ref _clearedAt, Interlocked.Increment(ref _version));
        _entries.Clear();
        _invalidatedAt.Clear();
    }

    internal void SetListening(bool listening)
    {
        Clear();
        _listening = listening;
        Clear();
    }

    private bool IsCurrent(Entry entry) =>
        entry.Version >= Interlocked.Read(ref _clearedAt)
        && !(_invalidatedAt.TryGetValue(entry.Subject, out var at) && at > entry.Version);

    private sealed record Entry(
        AuthenticationTicket Ticket,
        string Subject,
        long Version,
        DateTimeOffset ExpiresAt
    );
}
