using System.Diagnostics.Metrics;
using Ledger.Application.Common.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ledger.Infrastructure.Observability;

/// <summary>
/// Outbox lag as observable gauges on the <c>Ledger</c> meter: events not yet relayed, and the
/// age of the oldest of them. Read only when a metrics exporter collects (registered only when
/// telemetry is on), at most once per <see cref="CacheFor"/>, with a short statement timeout.
/// </summary>
internal sealed partial class OutboxLagGauge : IHostedService, IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<OutboxLagGauge> _logger;
    private readonly Meter _meter;
    private readonly Lock _lock = new();
    private (long Pending, double OldestAgeSeconds)? _last;
    private long _readAt;

    public OutboxLagGauge(
        IMeterFactory meters,
        NpgsqlDataSource dataSource,
        ILogger<OutboxLagGauge> logger
    )
    {
        _dataSource = dataSource;
        _logger = logger;
        _meter = meters.Create(LedgerMetrics.MeterName);
        _meter.CreateObservableGauge<long>(
            "ledger.outbox.pending",
            () => Read() is { } lag ? [new Measurement<long>(lag.Pending)] : [],
            unit: "{event}",
            description: "Outbox events not yet relayed."
        );
        _meter.CreateObservableGauge<double>(
            "ledger.outbox.oldest_age",
            () => Read() is { } lag ? [new Measurement<double>(lag.OldestAgeSeconds)] : [],
            unit: "s",
            description: "Age of the oldest outbox event not yet relayed (0 when none)."
        );
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _meter.Dispose();

    private (long Pending, double OldestAgeSeconds)? Read()
    {
        lock (_lock)
        {
            if (
                _last is not null
                && System.Diagnostics.Stopwatch.GetElapsedTime(_readAt) < CacheFor
            )
            {
                return _last;
            }

            try
            {
                using var command = _dataSource.CreateCommand(
                    "SELECT count(*), coalesce(extract(epoch FROM now() - min(occurred_at)), 0)::float8 "
                        + "FROM outbox_messages WHERE processed_at IS NULL"
                );
                command.CommandTimeout = 2;
                using var reader = command.ExecuteReader();
                reader.Read();
                _last = (reader.GetInt64(0), reader.GetDouble(1));
            }
            catch (Exception exception)
                when (exception is NpgsqlException or InvalidOperationException)
            {
                LogUnreadable(exception.GetType().Name);
                _last = null;
            }

            _readAt = System.Diagnostics.Stopwatch.GetTimestamp();
            return _last;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox lag could not be read ({Error})")]
    private partial void LogUnreadable(string error);
}
