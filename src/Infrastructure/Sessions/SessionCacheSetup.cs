using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ledger.Infrastructure.Sessions;

public static class SessionCacheSetup
{
    /// <summary>
    /// Puts the session cache in front of <paramref name="bearerScheme"/>; call after the
    /// authentication services are registered (it decorates their <see cref="IAuthenticationService"/>).
    /// </summary>
    public static IServiceCollection AddSessionCache(
        this IServiceCollection services,
        IConfiguration configuration,
        string bearerScheme
    )
    {
        // Sessions:CacheSeconds=0: no decorator at all, every request authenticated as before.
        var database = Configuration.ConnectionSettings.Database(configuration);
        var seconds = configuration.GetValue<int?>($"{SessionCacheOptions.Section}:CacheSeconds");
        if (database is null || seconds == 0)
        {
            return services;
        }

        services
            .AddOptions<SessionCacheOptions>()
            .Bind(configuration.GetSection(SessionCacheOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SessionCache>();
        services.AddSingleton(SessionListenerConnection.From(database));
        services.AddSingleton<SessionInvalidationListener>();
        services.AddHostedService(provider =>
            provider.GetRequiredService<SessionInvalidationListener>()
        );

        var inner =
            services.LastOrDefault(d => d.ServiceType == typeof(IAuthenticationService))
            ?? throw new InvalidOperationException("Add authentication before the session cache.");
        services.Remove(inner);
        services.Add(
            ServiceDescriptor.Describe(
                typeof(IAuthenticationService),
                provider => new CachedAuthenticationService(
                    (IAuthenticationService)(
                        inner.ImplementationFactory?.Invoke(provider)
                        ?? inner.ImplementationInstance
                        ?? ActivatorUtilities.CreateInstance(provider, inner.ImplementationType!)
                    ),
                    provider.GetRequiredService<SessionCache>(),
                    provider.GetRequiredService<IAuthenticationSchemeProvider>(),
                    bearerScheme
                ),
                inner.Lifetime
            )
        );
        return services;
    }
}
