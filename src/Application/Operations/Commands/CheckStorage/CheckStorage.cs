using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ledger.Application.Operations.Commands.CheckStorage;

/// <summary>
/// Measures the database and the attached receipts against the configured thresholds. Over a threshold it logs a warning
/// (the line to alert on) and reports the run as needing attention, which the ops API shows.
/// </summary>
public sealed record CheckStorage : IScheduledCommand;

public sealed partial class CheckStorageHandler(
    IStorageProbe probe,
    IApplicationDbContext db,
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
        var receipts = await db
            .Receipts.AsNoTracking()
            .Where(r => r.Detached == null)
            .GroupBy(r => 1)
            .Select(g => new { Count = g.Count(), Bytes = g.Sum(r => r.SizeBytes) })
            .SingleOrDefaultAsync(cancellationToken);
        var receiptCount = receipts?.Count ?? 0;
        var receiptBytes = receipts?.Bytes ?? 0;
        var receiptLine = $" {receiptCount} receipts use {Megabytes(receiptBytes)} MB.";
        if (receiptBytes >= settings.ReceiptsWarningBytes)
        {
            LogReceiptsThresholdExceeded(receiptCount, receiptBytes, settings.ReceiptsWarningBytes);
        }

        var receiptsNeedAttention = receiptBytes >= settings.ReceiptsWarningBytes;
        var level =
            size >= settings.DatabaseCriticalBytes ? "critical"
            : size >= settings.DatabaseWarningBytes ? "warning"
            : null;
        if (level is null)
        {
            return new JobReport(
                $"Database uses {Megabytes(size)} MB.{receiptLine}",
                NeedsAttention: receiptsNeedAttention
            );
        }

        var threshold =
            level == "critical" ? settings.DatabaseCriticalBytes : settings.DatabaseWarningBytes;
        LogThresholdExceeded(level, size, threshold);
        return new JobReport(
            $"Database uses {Megabytes(size)} MB, above the {level} threshold of {Megabytes(threshold)} MB.{receiptLine}",
            NeedsAttention: true
        );
    }

    private static long Megabytes(long bytes) => bytes / (1024 * 1024);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Storage {Level}: database size {SizeBytes} bytes exceeds the threshold of {ThresholdBytes} bytes"
    )]
    private partial void LogThresholdExceeded(string level, long sizeBytes, long thresholdBytes);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Storage warning: {Count} receipts use {SizeBytes} bytes, above the threshold of {ThresholdBytes} bytes"
    )]
    private partial void LogReceiptsThresholdExceeded(
        int count,
        long sizeBytes,
        long thresholdBytes
    );
}
