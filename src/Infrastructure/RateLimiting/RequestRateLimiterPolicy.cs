using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Ledger.Infrastructure.RateLimiting;

/// <summary>
/// A named policy as ASP.NET Core's rate limiting middleware sees it: each request's partition is
/// the set of keys it is limited by; the decision itself belongs to the shared <see cref="PolicyLimiter"/>
/// in force when the request comes (limits may be reloaded at run time).
/// </summary>
internal sealed class RequestRateLimiterPolicy(PolicyLimiters limiters, string name)
    : IRateLimiterPolicy<string>
{
    // The middleware's OnRejected writes every refusal the same way.
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.Get(
            PartitionKeys.For(httpContext, limiters[name].Partitions),
            key => new PartitionLimiter(limiters, name, key.Split(PartitionKeys.Separator))
        );

    /// <summary>The middleware caches one per partition and drops it once idle.</summary>
    private sealed class PartitionLimiter(PolicyLimiters limiters, string name, string[] keys)
        : RateLimiter
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
                return await limiters[name].AcquireAsync(keys);
            }
            finally
            {
                Volatile.Write(ref _idleSince, Stopwatch.GetTimestamp());
                Interlocked.Decrement(ref _active);
            }
        }
    }
}
