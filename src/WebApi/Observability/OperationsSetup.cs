using Ledger.Application.Operations;
using Ledger.Infrastructure.Configuration;
using Ledger.Infrastructure.Diagnostics;
using Ledger.Infrastructure.Observability;
using Ledger.WebApi.Auth;
using Microsoft.AspNetCore.Cors.Infrastructure;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Ledger.WebApi.Observability;

/// <summary>
/// What operators see and change of the API (ADR 0045, 0046): JSON logs outside Development with
/// request scopes, OpenTelemetry when an exporter is configured, the admin diagnostics, and the
/// settings that reload at run time (rate limits, CORS origins, admin ids, email).
/// </summary>
public static class OperationsSetup
{
    public static WebApplicationBuilder AddLedgerOperations(this WebApplicationBuilder builder)
    {
        builder.AddLedgerLogging();
        if (LedgerTelemetry.IsEnabled(builder.Configuration))
        {
            AddTelemetry(builder);
        }

        var services = builder.Services;
        services.AddConfigurationReload();
        services.AddSingleton<
            Microsoft.Extensions.Options.IValidateOptions<PlatformAdminSettings>,
            PlatformAdminSettingsValidator
        >();
        services.AddReloadable<PlatformAdminSettings>(PlatformAdminSettings.Section);
        services
            .AddOptions<CorsOptionsSettings>()
            .Bind(builder.Configuration.GetSection(CorsOptionsSettings.Section));
        services.AddSingleton<
            Microsoft.Extensions.Options.IValidateOptions<CorsOptionsSettings>,
            CorsOptionsSettings.Validator
        >();
        services.AddReloadable<CorsOptionsSettings>(CorsOptionsSettings.Section);
        // Replaces the default provider: the policy follows Cors:Origins as it is reloaded.
        services.AddSingleton<ICorsPolicyProvider, ReloadableCorsPolicyProvider>();
        return builder;
    }

    // Its own method: with telemetry off the API never compiles code that names OpenTelemetry's
    // types, so their assemblies stay unloaded (ADR 0081).
    [System.Runtime.CompilerServices.MethodImpl(
        System.Runtime.CompilerServices.MethodImplOptions.NoInlining
    )]
    private static void AddTelemetry(WebApplicationBuilder builder) =>
        builder.AddLedgerTelemetry(
            "ledger-api",
            tracing =>
                tracing.AddAspNetCoreInstrumentation(options =>
                    // Probes are polled constantly and say nothing about the API's work.
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health")
                ),
            metrics => metrics.AddAspNetCoreInstrumentation()
        );

    /// <summary>
    /// Scopes every log line of an API request with its route template, the caller's user or
    /// client id, and the group id of the route. Place it after authentication.
    /// </summary>
    public static IApplicationBuilder UseLedgerRequestLogScope(this IApplicationBuilder app) =>
        app.UseMiddleware<RequestLogScopeMiddleware>();
}
