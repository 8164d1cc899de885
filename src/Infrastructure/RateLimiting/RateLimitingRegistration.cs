using Ledger.Infrastructure.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Ledger.Infrastructure.RateLimiting;

public static class RateLimitingRegistration
{
    /// <summary>
    /// Policies from <c>RateLimiting</c> (defaults in <see cref="RateLimitPolicies"/>), shared
    /// through the <see cref="IConnectionMultiplexer"/> when one is registered, in-process otherwise,
    /// and <see cref="IRateLimiterStatus"/> for readiness.
    /// </summary>
    public static IServiceCollection AddLedgerRateLimiting(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        services
            .AddOptions<RateLimitingOptions>()
            .Configure(RateLimitPolicies.AddDefaults)
            .Bind(configuration.GetSection(RateLimitingOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<
            IValidateOptions<RateLimitingOptions>,
            RateLimitingOptionsValidator
        >();
        // Limits may change at run time (ADR 0046): an invalid change is refused, the old kept.
        services.AddReloadable<RateLimitingOptions>(RateLimitingOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new RateLimiterStatus(
            provider.GetService<IConnectionMultiplexer>(),
            provider.GetRequiredService<IOptions<RateLimitingOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<RateLimiterStatus>>()
        ));
        services.AddSingleton<IRateLimiterStatus>(provider =>
            provider.GetRequiredService<RateLimiterStatus>()
        );
        services.AddSingleton(provider => new PolicyLimiters(
            provider.GetRequiredService<IOptionsMonitor<RateLimitingOptions>>(),
            provider.GetService<IConnectionMultiplexer>(),
            provider.GetRequiredService<RateLimiterStatus>()
        ));
        services.AddRateLimiter(_ => { });
        services
            .AddOptions<RateLimiterOptions>()
            .Configure<PolicyLimiters>(
                (options, limiters) =>
                {
                    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                    options.OnRejected = RateLimitRejection.WriteAsync;
                    options.GlobalLimiter = limiters.GlobalLimiter;
                    foreach (var (name, policy) in limiters.Policies)
                    {
                        options.AddPolicy(name, policy);
                    }
                }
            );
        return services;
    }
}
