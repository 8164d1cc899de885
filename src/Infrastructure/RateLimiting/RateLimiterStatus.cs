using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Ledger.Infrastructure.RateLimiting;

/// <summary>
/// Decides whether limiters may ask Redis, and records every switch between shared (Redis) and
/// local limits: one log line per transition, never per request.
/// </summary>
internal sealed partial class RateLimiterStatus : IRateLimiterStatus, IDisposable
{
    private const int Shared = 0;
    private const int Local = 1;

    private readonly IConnectionMultiplexer? _redis;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retryInterval;
    private readonly ILogger<RateLimiterStatus> _logger;
    private int _mode = Shared;
    private long _lastFailure;

    public RateLimiterStatus(
        IConnectionMultiplexer? redis,
        IOptions<RateLimitingOptions> options,
        TimeProvider time,
        ILogger<RateLimiterStatus> logger
    )
    {
        _redis = redis;
        _time = time;
        _retryInterval = options.Value.RedisRetryInterval;
        _logger = logger;
        if (redis is null)
        {
            SwitchToLocal("Redis is not configured");
            return;
        }

        redis.ConnectionFailed += OnConnectionFailed;
        redis.ConnectionRestored += OnConnectionRestored;
        if (!redis.IsConnected)
        {
            SwitchToLocal("Redis is not connected");
        }
    }

    public bool IsDegraded =>
        Volatile.Read(ref _mode) == Local || _redis is not { IsConnected: true };

    /// <summary>
    /// False while the multiplexer is disconnected, and for a short while after a failed call, so
    /// requests are decided locally at once instead of waiting on Redis.
    /// </summary>
    public bool MayAskRedis()
    {
        if (_redis is null)
        {
            return false;
        }

        if (!_redis.IsConnected)
        {
            SwitchToLocal("Redis is not connected");
            return false;
        }

        return Volatile.Read(ref _mode) == Shared
            || _time.GetElapsedTime(Volatile.Read(ref _lastFailure)) >= _retryInterval;
    }

    public void RedisAnswered() => SwitchToShared();

    public void RedisFailed(Exception exception)
    {
        Volatile.Write(ref _lastFailure, _time.GetTimestamp());
        SwitchToLocal(
            exception is TimeoutException
                ? "Redis did not answer in time"
                : $"a Redis call failed ({exception.GetType().Name})"
        );
    }

    public void Dispose()
    {
        if (_redis is not null)
        {
            _redis.ConnectionFailed -= OnConnectionFailed;
            _redis.ConnectionRestored -= OnConnectionRestored;
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive)
        {
            SwitchToLocal($"the Redis connection failed ({e.FailureType})");
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive)
        {
            SwitchToShared();
        }
    }

    private void SwitchToLocal(string reason)
    {
        if (Interlocked.Exchange(ref _mode, Local) == Shared)
        {
            LogSwitchedToLocal(reason);
        }
    }

    private void SwitchToShared()
    {
        if (Interlocked.Exchange(ref _mode, Shared) == Local)
        {
            LogSwitchedToShared();
        }
    }

    [LoggerMessage(
        EventId = 7301,
        EventName = "RateLimitingLocal",
        Level = LogLevel.Warning,
        Message = "Rate limiting switched to in-process limits because {Reason}; limits hold per instance until Redis answers again"
    )]
    private partial void LogSwitchedToLocal(string reason);

    [LoggerMessage(
        EventId = 7302,
        EventName = "RateLimitingShared",
        Level = LogLevel.Information,
        Message = "Rate limiting is shared through Redis again"
    )]
    private partial void LogSwitchedToShared();
}
