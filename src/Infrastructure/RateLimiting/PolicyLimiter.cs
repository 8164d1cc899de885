using System.Threading.RateLimiting;
using Ledger.Application.Common.Telemetry;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Ledger.Infrastructure.RateLimiting;

/// <summary>
/// Decides for one policy: through Redis while the status allows it, otherwise at once with
/// in-process limiters of the same policy. A Redis failure or timeout never reaches the request:
/// it is decided locally. Fixed windows (every shipped policy but the partners') are one script
/// call for all partitions (ADR 0058); the other kinds one RedisRateLimiting script per
/// partition, all sent at once, so one round trip.
/// </summary>
internal sealed class PolicyLimiter : IDisposable
{
    // Sliding windows in-process move in tenths; Redis keeps every request's timestamp instead.
    private const int LocalSlidingSegments = 10;

    private readonly string _name;
    private readonly RateLimitPolicyOptions _policy;
    private readonly RateLimiterStatus _status;
    private readonly TimeSpan _redisTimeout;
    private readonly PartitionedRateLimiter<string> _local;
    private readonly PartitionedRateLimiter<string>? _shared;
    private readonly RedisFixedWindow? _fixedWindow;

    public PolicyLimiter(
        string name,
        RateLimitPolicyOptions policy,
        RateLimitingOptions options,
        IConnectionMultiplexer? redis,
        RateLimiterStatus status
    )
    {
        _name = name;
        _policy = policy;
        Partitions = policy.Partitions;
        _status = status;
        _redisTimeout = options.RedisTimeout;
        _local = PartitionedRateLimiter.Create<string, string>(LocalPartition);
        if (redis is not null && policy.Kind == RateLimitAlgorithm.FixedWindow)
        {
            _fixedWindow = new RedisFixedWindow(redis, $"{options.KeyPrefix}:{name}:", policy);
        }
        else if (redis is not null)
        {
            var prefix = $"{options.KeyPrefix}:{name}:";
            _shared = PartitionedRateLimiter.Create<string, string>(key =>
                SharedPartition(prefix + key, redis)
            );
        }
    }

    public RateLimitPolicyOptions Policy => _policy;

    public IReadOnlyList<RateLimitPartitionBy> Partitions { get; }

    public ValueTask<RateLimitLease> AcquireAsync(string[] partitionKeys) =>
        (_shared is not null || _fixedWindow is not null) && _status.MayAskRedis()
            ? AcquireSharedAsync(partitionKeys)
            : ValueTask.FromResult<RateLimitLease>(AcquireLocally(partitionKeys));

    public void Dispose()
    {
        _local.Dispose();
        _shared?.Dispose();
    }

    private async ValueTask<RateLimitLease> AcquireSharedAsync(string[] partitionKeys)
    {
        Task<RateLimitLease[]>? decisions = null;
        try
        {
            decisions = _fixedWindow is not null
                ? OneDecisionAsync(_fixedWindow, partitionKeys)
                : Task.WhenAll(partitionKeys.Select(key => _shared!.AcquireAsync(key).AsTask()));
            var leases = await decisions.WaitAsync(_redisTimeout);
            _status.RedisAnswered();
            var decision = DecisionLease.Combine(leases, _policy.Window);
            LedgerMetrics.RateLimitDecided(_name, decision.IsAcquired, local: false);
            return decision;
        }
        catch (Exception exception)
        {
            // A late answer after a timeout must not surface as an unobserved exception.
            _ = decisions?.ContinueWith(
                static task => _ = task.Exception,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted
                    | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default
            );
            _status.RedisFailed(exception);
            return AcquireLocally(partitionKeys);
        }
    }

    private static async Task<RateLimitLease[]> OneDecisionAsync(
        RedisFixedWindow fixedWindow,
        string[] partitionKeys
    ) => [await fixedWindow.AcquireAsync(partitionKeys)];

    private DecisionLease AcquireLocally(string[] partitionKeys)
    {
        var decision = DecisionLease.Combine(
            [.. partitionKeys.Select(key => _local.AttemptAcquire(key))],
            _policy.Window
        );
        LedgerMetrics.RateLimitDecided(_name, decision.IsAcquired, local: true);
        return decision;
    }

    private RateLimitPartition<string> LocalPartition(string key) =>
        _policy.Kind switch
        {
            RateLimitAlgorithm.SlidingWindow => RateLimitPartition.GetSlidingWindowLimiter(
                key,
                _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = _policy.PermitLimit,
                    Window = _policy.Window,
                    SegmentsPerWindow = LocalSlidingSegments,
                    QueueLimit = 0,
                    AutoReplenishment = false,
                }
            ),
            RateLimitAlgorithm.TokenBucket => RateLimitPartition.GetTokenBucketLimiter(
                key,
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = _policy.PermitLimit,
                    TokensPerPeriod = _policy.TokensPerPeriod,
                    ReplenishmentPeriod = _policy.Window,
                    QueueLimit = 0,
                    AutoReplenishment = false,
                }
            ),
            _ => RateLimitPartition.GetFixedWindowLimiter(
                key,
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = _policy.PermitLimit,
                    Window = _policy.Window,
                    QueueLimit = 0,
                    AutoReplenishment = false,
                }
            ),
        };

    private RateLimitPartition<string> SharedPartition(string key, IConnectionMultiplexer redis) =>
        _policy.Kind switch
        {
            RateLimitAlgorithm.SlidingWindow => RedisRateLimitPartition.GetSlidingWindowRateLimiter(
                key,
                _ => new RedisSlidingWindowRateLimiterOptions
                {
                    PermitLimit = _policy.PermitLimit,
                    Window = _policy.Window,
                    ConnectionMultiplexerFactory = () => redis,
                }
            ),
            RateLimitAlgorithm.TokenBucket => RedisRateLimitPartition.GetTokenBucketRateLimiter(
                key,
                _ => new RedisTokenBucketRateLimiterOptions
                {
                    TokenLimit = _policy.PermitLimit,
                    TokensPerPeriod = _policy.TokensPerPeriod,
                    ReplenishmentPeriod = _policy.Window,
                    ConnectionMultiplexerFactory = () => redis,
                }
            ),
            _ => RedisRateLimitPartition.GetFixedWindowRateLimiter(
                key,
                _ => new RedisFixedWindowRateLimiterOptions
                {
                    PermitLimit = _policy.PermitLimit,
                    Window = _policy.Window,
                    ConnectionMultiplexerFactory = () => redis,
                }
            ),
        };
}
