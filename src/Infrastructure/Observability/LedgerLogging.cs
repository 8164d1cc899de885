using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Ledger.Infrastructure.Observability;

/// <summary>
/// Console logs as operators collect them (ADR 0045): one JSON object per line everywhere but
/// Development, which keeps the readable text format. Each line has its UTC timestamp, level,
/// category, message and message template (<c>State.{OriginalFormat}</c>) with its values, and the
/// scopes: trace and span id (from the current activity), the request's path and route template,
/// the caller's user or client id, and the group id. <c>Logging:Console:FormatterName</c>
/// (<c>json</c>, <c>simple</c>) overrides the choice.
/// </summary>
public static class LedgerLogging
{
    public const string JsonFormatter = ConsoleFormatterNames.Json;

    public static IHostApplicationBuilder AddLedgerLogging(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration["Logging:Console:FormatterName"];
        var formatter = string.IsNullOrWhiteSpace(configured)
            ? builder.Environment.IsDevelopment()
                ? ConsoleFormatterNames.Simple
                : ConsoleFormatterNames.Json
            : configured;

        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions =
                ActivityTrackingOptions.TraceId
                | ActivityTrackingOptions.SpanId
                | ActivityTrackingOptions.ParentId
        );
        if (
            string.Equals(formatter, ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase)
        )
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                options.JsonWriterOptions = new() { Indented = false };
            });
        }

        return builder;
    }
}
