using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Ledger.Infrastructure.RateLimiting;

/// <summary>
/// A fixed-window policy decided in Redis by one script call for all of a request's partitions
/// (ADR 0058): one round trip, and one counter command per partition inside it (plus the expiry
/// when a window starts). A window starts with its partition's first request and lasts
/// <see cref="RateLimitPolicyOptions.Window"/>, as with RedisRateLimiting's fixed window this
/// replaces. Refused requests count too, past the limit: that changes no decision, since the
/// window's end is what frees the partition.
/// </summary>
internal sealed class RedisFixedWindow(
    IConnectionMultiplexer redis,
    string keyPrefix,
    RateLimitPolicyOptions policy
)
{
    // KEYS: one counter per partition. ARGV: the limit, the window in milliseconds.
    // Answers 0 when every partition grants, else the milliseconds until the last refusing
    // partition's window ends.
    private const string Script = """
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local wait = 0
        for _, key in ipairs(KEYS) do
          local count = redis.call('INCR', key)
          if count == 1 then
            redis.call('PEXPIRE', key, window)
          end
          if count > limit then
            local ttl = redis.call('PTTL', key)
            if ttl < 0 then
              redis.call('PEXPIRE', key, window)
              ttl = window
            end
            if ttl < 1 then
              ttl = 1
            end
            if ttl > wait then
              wait = ttl
            end
          end
        end
        return wait
        """;

    private readonly RedisValue[] _arguments =
    [
        policy.PermitLimit,
        (long)Math.Ceiling(policy.Window.TotalMilliseconds),
    ];

    public async Task<RateLimitLease> AcquireAsync(string[] partitionKeys)
    {
        var keys = new RedisKey[partitionKeys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = keyPrefix + partitionKeys[i];
        }

        var wait = (long)await redis.GetDatabase().ScriptEvaluateAsync(Script, keys, _arguments);
        return wait <= 0 ? FixedWindowLease.Granted : new FixedWindowLease(wait);
    }

    private sealed class FixedWindowLease : RateLimitLease
    {
        public static readonly FixedWindowLease Granted = new(0);

        private static readonly string[] RetryAfterOnly = [MetadataName.RetryAfter.Name];

        private readonly TimeSpan? _retryAfter;

        public FixedWindowLease(long waitMilliseconds)
        {
            IsAcquired = waitMilliseconds <= 0;
            _retryAfter = IsAcquired ? null : TimeSpan.FromMilliseconds(waitMilliseconds);
        }

        public override bool IsAcquired { get; }

        public override IEnumerable<string> MetadataNames =>
            _retryAfter is null ? [] : RetryAfterOnly;

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
    }
}
