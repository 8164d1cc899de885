using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ledger.Application.Operations.Commands.CheckStorage;

/// <summary>
/// Measures the database against the configured thresholds. Over a threshold it logs a warning
/// (the line to alert on) and reports the run as needing attention, which the ops API shows.
/// </summary>
public sealed record CheckStorage : IScheduledCommand;

public sealed partial class CheckStorageHandler(
    IStorageProbe probe,
    IOptions<OperationsOptions> options,
    ILogger<CheckStorageHandler> logger
) : ICommandHandler<CheckStorage, JobReport>
{
    public async ValueTask<JobReport> Handle(
        CheckStorage command,
        CancellationToken cancellationToken
    )
    {
        var size = await probe.DatabaseSizeBytesAsync(cancellationToken);
        var settings = options.Value;
        var level =
            size >= settings.DatabaseCriticalBytes ? "critical"
            : size >= settings.DatabaseWarningBytes ? "warning"
            : null;
        if (level is null)
        {
            return new JobReport($"Database uses {Megabytes(size)} MB.");
        }

        var threshold =
            level == "critical" ? settings.DatabaseCriticalBytes : settings.DatabaseWarningBytes;
        LogThresholdExceeded(level, size, threshold);
        return new JobReport(
            $"Database uses {Megabytes(size)} MB, above the {level} threshold of {Megabytes(threshold)} MB.",
            NeedsAttention: true
        );
    }

    private static long Megabytes(long bytes) => bytes / (1024 * 1024);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Storage {Level}: database size {SizeBytes} bytes exceeds the threshold of {ThresholdBytes} bytes"
    )]
    private partial void LogThresholdExceeded(string level, long sizeBytes, long thresholdBytes);
}
