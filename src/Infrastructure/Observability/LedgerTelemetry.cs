using System.Runtime.CompilerServices;
using Ledger.Application.Common.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ledger.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry traces and metrics (ADR 0045): HttpClient, Npgsql and Redis in every host, plus
/// what the host adds (ASP.NET Core in the API, Quartz in the worker: ADR 0081), plus the <c>Ledger</c> meter
/// (<see cref="LedgerMetrics"/>) and the outbox gauges. Off unless an OTLP endpoint is configured
/// (<c>OpenTelemetry:Otlp:Endpoint</c>, or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) or
/// <c>OpenTelemetry:Enabled</c> is true: when off, nothing is registered and no request does any
/// telemetry work beyond what ASP.NET Core always does.
/// </summary>
public static class LedgerTelemetry
{
    public const string Section = "OpenTelemetry";
    public const string EndpointSetting = "OpenTelemetry:Otlp:Endpoint";
    public const string ProtocolSetting = "OpenTelemetry:Otlp:Protocol";
    public const string EnabledSetting = "OpenTelemetry:Enabled";
    public const string StandardEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Whether this configuration turns telemetry on.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue(EnabledSetting, defaultValue: false)
        || !string.IsNullOrWhiteSpace(configuration[EndpointSetting])
        || !string.IsNullOrWhiteSpace(configuration[StandardEndpointSetting]);

    public static IHostApplicationBuilder AddLedgerTelemetry(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null
    )
    {
        if (!IsEnabled(builder.Configuration))
        {
            return builder;
        }

        Register(builder, serviceName, tracing, metrics);
        return builder;
    }

    // Kept out of AddLedgerTelemetry so that a host with telemetry off never JIT-compiles a
    // method that names OpenTelemetry's types, and so never loads its assemblies (ADR 0081).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Register(
        IHostApplicationBuilder builder,
        string serviceName,
        Action<TracerProviderBuilder>? tracing,
        Action<MeterProviderBuilder>? metrics
    )
    {
        var configuration = builder.Configuration;
        builder.Services.AddHostedService<OutboxLagGauge>();
        var telemetry = builder
            .Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
                resource
                    .AddService(
                        serviceName,
                        serviceVersion: BuildInfo.Version,
                        serviceInstanceId: Environment.MachineName
                    )
                    .AddAttributes([
                        new KeyValuePair<string, object>(
                            "deployment.environment.name",
                            builder.Environment.EnvironmentName
                        ),
                    ])
            )
            .WithTracing(traces =>
            {
                traces.AddHttpClientInstrumentation().AddNpgsql().AddRedisInstrumentation();
                tracing?.Invoke(traces);
            })
            .WithMetrics(meters =>
            {
                meters
                    .AddMeter(LedgerMetrics.MeterName)
                    .AddMeter("StackExchange.Redis")
                    .AddHttpClientInstrumentation()
                    .AddNpgsqlInstrumentation();
                metrics?.Invoke(meters);
            });

        var endpoint = configuration[EndpointSetting];
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            var protocol = string.Equals(
                configuration[ProtocolSetting],
                "http/protobuf",
                StringComparison.OrdinalIgnoreCase
            )
                ? OtlpExportProtocol.HttpProtobuf
                : OtlpExportProtocol.Grpc;
            telemetry.UseOtlpExporter(protocol, new Uri(endpoint));
        }
        else if (!string.IsNullOrWhiteSpace(configuration[StandardEndpointSetting]))
        {
            // The standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers) apply.
            telemetry.UseOtlpExporter();
        }
    }
}
