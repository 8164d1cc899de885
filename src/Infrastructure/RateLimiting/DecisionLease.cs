using System.Threading.RateLimiting;
using RedisRateLimiting;

namespace Ledger.Infrastructure.RateLimiting;

/// <summary>One request's decision over all the partitions of its policy, with when to retry if refused.</summary>
internal sealed class DecisionLease : RateLimitLease
{
    /// <summary>What a synchronous attempt answers: the decision needs the asynchronous path.</summary>
    public static readonly DecisionLease Undecided = new(false, null, []);

    private static readonly string[] RetryAfterOnly = [MetadataName.RetryAfter.Name];

    private readonly TimeSpan? _retryAfter;
    private readonly RateLimitLease[] _leases;

    private DecisionLease(bool isAcquired, TimeSpan? retryAfter, RateLimitLease[] leases)
    {
        IsAcquired = isAcquired;
        _retryAfter = retryAfter;
        _leases = leases;
    }

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : RetryAfterOnly;

    /// <summary>Granted when every partition granted; otherwise refused until the last of them frees up.</summary>
    public static DecisionLease Combine(RateLimitLease[] leases, TimeSpan window)
    {
        if (leases.All(lease => lease.IsAcquired))
        {
            return new DecisionLease(true, null, leases);
        }

        var retryAfter = leases
            .Where(lease => !lease.IsAcquired)
            .Select(lease => RetryAfter(lease) ?? window)
            .Max();
        foreach (var lease in leases)
        {
            lease.Dispose();
        }

        return new DecisionLease(false, retryAfter, []);
    }

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (_retryAfter is { } retryAfter && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = retryAfter;
            return true;
        }

        metadata = null;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var lease in _leases)
            {
                lease.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    // In-process limiters give a TimeSpan; RedisRateLimiting gives whole seconds (0 in the
    // window's last second) and nothing at all for sliding windows.
    private static TimeSpan? RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var local) ? local
        : lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var seconds)
            ? TimeSpan.FromSeconds(Math.Max(1, seconds))
        : null;
}
