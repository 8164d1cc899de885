using Ledger.Application.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Infrastructure.Configuration;

/// <summary>
/// Settings that may change while the process runs (ADR 0046, docs/operations/configuration.md):
/// read through <see cref="IOptionsMonitor{TOptions}"/>, validated on every change, the last good
/// values kept when a change is invalid.
/// </summary>
public static class ReloadableOptions
{
    /// <summary>
    /// Makes <typeparamref name="TOptions"/>'s monitor a <see cref="LastGoodOptionsMonitor{TOptions}"/>.
    /// The options themselves (binding, validators) are registered as usual by the caller.
    /// </summary>
    public static IServiceCollection AddReloadable<TOptions>(
        this IServiceCollection services,
        string section
    )
        where TOptions : class
    {
        services.AddConfigurationReload();
        services.AddSingleton(new ReloadableSection<TOptions>(section));
        services.AddSingleton<IOptionsMonitor<TOptions>, LastGoodOptionsMonitor<TOptions>>();
        return services;
    }

    /// <summary>The reload log and the reloader behind <c>POST /api/v1/admin/config/reload</c>.</summary>
    public static IServiceCollection AddConfigurationReload(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConfigurationReloadLog>();
        services.TryAddSingleton<IConfigurationReloader, ConfigurationReloader>();
        return services;
    }
}

/// <summary>
/// Reloads every provider of the root configuration (files are re-read, environment variables
/// re-listed). Change callbacks run synchronously inside <see cref="IConfigurationRoot.Reload"/>,
/// so when it returns every reloadable section has been applied or refused.
/// </summary>
internal sealed class ConfigurationReloader(
    IConfiguration configuration,
    ConfigurationReloadLog log
) : IConfigurationReloader
{
    public IReadOnlyList<ConfigurationSectionOutcomeDto> Reload()
    {
        if (configuration is not IConfigurationRoot root)
        {
            throw new InvalidOperationException(
                "The configuration of this host cannot be reloaded."
            );
        }

        var started = log.Now();
        root.Reload();
        return [.. log.Latest.Where(outcome => outcome.At >= started)];
    }
}
