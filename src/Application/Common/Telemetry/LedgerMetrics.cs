using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ledger.Application.Common.Telemetry;

/// <summary>
/// The application's own metrics, on the <c>Ledger</c> meter (ADR 0045). An instrument nobody
/// listens to costs a branch per call, so they are always recorded; OpenTelemetry exports them
/// only when an exporter is configured. Tags carry type names, policy names and outcome words,
/// never ids or personal data (bounded cardinality).
/// </summary>
public static class LedgerMetrics
{
    public const string MeterName = "Ledger";

    public static readonly Meter Meter = new(MeterName, "1.0");

    private static readonly Counter<long> MessagesHandled = Meter.CreateCounter<long>(
        "ledger.commands.handled",
        unit: "{message}",
        description: "Commands and queries handled by the mediator, by message type and outcome."
    );

    private static readonly Histogram<double> MessageDuration = Meter.CreateHistogram<double>(
        "ledger.commands.duration",
        unit: "ms",
        description: "Time to handle a command or query, by message type and outcome."
    );

    private static readonly Counter<long> RateLimitDecisions = Meter.CreateCounter<long>(
        "ledger.rate_limit.decisions",
        unit: "{decision}",
        description: "Rate limit decisions by policy, decision (allowed, rejected) and where it was decided (redis, local)."
    );

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "ledger.jobs.runs",
        unit: "{run}",
        description: "Worker job runs by job and outcome."
    );

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(
        "ledger.jobs.duration",
        unit: "s",
        description: "Worker job run time by job and outcome."
    );

    public static void MessageHandled(string messageType, string outcome, double elapsedMs)
    {
        if (!MessagesHandled.Enabled && !MessageDuration.Enabled)
        {
            return;
        }

        var tags = new TagList { { "message.type", messageType }, { "outcome", outcome } };
        MessagesHandled.Add(1, tags);
        MessageDuration.Record(elapsedMs, tags);
    }

    public static void RateLimitDecided(string policy, bool allowed, bool local)
    {
        if (RateLimitDecisions.Enabled)
        {
            RateLimitDecisions.Add(
                1,
                new KeyValuePair<string, object?>("policy", policy),
                new KeyValuePair<string, object?>("decision", allowed ? "allowed" : "rejected"),
                new KeyValuePair<string, object?>("mode", local ? "local" : "redis")
            );
        }
    }

    public static void JobRan(string job, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "job", job }, { "outcome", outcome } };
        JobRuns.Add(1, tags);
        JobDuration.Record(elapsed.TotalSeconds, tags);
    }
}
