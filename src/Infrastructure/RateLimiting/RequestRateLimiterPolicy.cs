using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Ledger.Infrastructure.RateLimiting;

/// <summary>
/// A named policy as ASP.NET Core's rate limiting middleware sees it: each request's partition is
/// the set of keys it is limited by; the decision itself belongs to the shared <see cref="PolicyLimiter"/>.
/// </summary>
internal sealed class RequestRateLimiterPolicy(PolicyLimiter limiter) : IRateLimiterPolicy<string>
{
    private readonly IReadOnlyList<RateLimitPartitionBy> _partitions = limiter.Policy.Partitions;

    // The middleware's OnRejected writes every refusal the same way.
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.Get(
            PartitionKeys.For(httpContext, _partitions),
            key => new PartitionLimiter(limiter, key.Split(PartitionKeys.Separator))
        );

    /// <summary>The middleware caches one per partition and drops it once idle.</summary>
    private sealed class PartitionLimiter(PolicyLimiter limiter, string[] keys) : RateLimiter
    {
        private int _active;
        private long _idleSince = Stopwatch.GetTimestamp();

        public override TimeSpan? IdleDuration =>
            Volatile.Read(ref _active) > 0
                ? null
                : Stopwatch.GetElapsedTime(Volatile.Read(ref _idleSince));

        public override RateLimiterStatistics? GetStatistics() => null;

        // Redis can only answer asynchronously; the middleware then calls AcquireAsync.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
            DecisionLease.Undecided;

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(
            int permitCount,
            CancellationToken cancellationToken
        )
        {
            Interlocked.Increment(ref _active);
            try
            {
                return await limiter.AcquireAsync(keys);
            }
            finally
            {
                Volatile.Write(ref _idleSince, Stopwatch.GetTimestamp());
                Interlocked.Decrement(ref _active);
            }
        }
    }
}
