using Microsoft.Extensions.Options;

namespace Ledger.Infrastructure.RateLimiting;

/// <summary>Refuses to start with limits that would not limit.</summary>
internal sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.KeyPrefix))
        {
            errors.Add("RateLimiting:KeyPrefix must not be empty.");
        }

        if (options.RedisTimeout <= TimeSpan.Zero || options.RedisRetryInterval <= TimeSpan.Zero)
        {
            errors.Add("RateLimiting:RedisTimeout and RedisRetryInterval must be positive.");
        }

        if (!options.Policies.ContainsKey(RateLimitPolicies.Default))
        {
            errors.Add($"RateLimiting:Policies:{RateLimitPolicies.Default} is required.");
        }

        foreach (var (policyName, policy) in options.Policies)
        {
            errors.AddRange(
                Problems(policy).Select(problem => $"RateLimiting:Policies:{policyName}: {problem}")
            );
        }

        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> Problems(RateLimitPolicyOptions policy)
    {
        if (policy.PermitLimit <= 0)
        {
            yield return "PermitLimit must be greater than 0.";
        }

        if (policy.Window <= TimeSpan.Zero)
        {
            yield return "Window must be greater than 0.";
        }

        if (!Enum.IsDefined(policy.Kind))
        {
            yield return "Kind must be FixedWindow, SlidingWindow or TokenBucket.";
        }

        if (
            policy.Kind == RateLimitAlgorithm.TokenBucket
            && (policy.TokensPerPeriod <= 0 || policy.TokensPerPeriod > policy.PermitLimit)
        )
        {
            yield return "TokensPerPeriod must be between 1 and PermitLimit.";
        }

        foreach (var unknown in policy.UnknownPartitions)
        {
            yield return $"PartitionBy '{unknown}' is not Ip, User, Client or Account.";
        }

        var partitions = policy.Partitions;
        if (!partitions.Any(partition => partition != RateLimitPartitionBy.Account))
        {
            yield return "PartitionBy needs Ip, User or Client (Account alone can be absent).";
        }
    }
}
