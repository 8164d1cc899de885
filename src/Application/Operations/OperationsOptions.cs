namespace Ledger.Application.Operations;

/// <summary>
/// Retention and alert settings of the scheduled maintenance, from the <c>Operations</c>
/// configuration section. The defaults are safe for one machine.
/// </summary>
public sealed class OperationsOptions
{
    public const string SectionName = "Operations";

    /// <summary>Rows one purge run deletes at most, so a run stays short and its locks brief.</summary>
    public int PurgeBatchSize { get; set; } = 1000;

    /// <summary>Deleted groups one purge run removes at most (each takes all of its rows).</summary>
    public int GroupPurgeBatchSize { get; set; } = 50;

    /// <summary>OAuth tokens and authorizations younger than this are kept even when spent.</summary>
    public TimeSpan OAuthPruneAge { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long job run records are kept for the ops API.</summary>
    public TimeSpan JobRunRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Database size above which the storage check warns.</summary>
    public long DatabaseWarningBytes { get; set; } = 8L * 1024 * 1024 * 1024;

    /// <summary>Database size above which the storage check reports a critical level.</summary>
    public long DatabaseCriticalBytes { get; set; } = 16L * 1024 * 1024 * 1024;

    /// <summary>Receipt files no attached receipt names are deleted once they are this old.</summary>
    public TimeSpan ReceiptOrphanGracePeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Bytes of attached receipts above which the storage check warns.</summary>
    public long ReceiptsWarningBytes { get; set; } = 20L * 1024 * 1024 * 1024;
}
