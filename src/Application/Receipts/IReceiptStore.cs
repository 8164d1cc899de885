namespace Ledger.Application.Receipts;

/// <summary>
/// Where receipt bytes live, named by their SHA-256 (content-addressed: one copy per content).
/// Behind an interface so several API instances can share one store (a shared volume today;
/// docs/decisions/0013). No path ever leaves it.
/// </summary>
public interface IReceiptStore
{
    /// <summary>Stores the bytes under their hash; a no-op when that content is already stored.</summary>
    Task SaveAsync(
        string sha256,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken
    );

    /// <summary>The stored bytes, or null when there is no such file.</summary>
    Stream? Open(string sha256);

    /// <summary>Every stored file with when it was written, for the orphan purge.</summary>
    IEnumerable<StoredReceiptFile> List();

    void Delete(string sha256);
}

public sealed record StoredReceiptFile(string Sha256, DateTimeOffset WrittenAt, long SizeBytes);

/// <summary>
/// Turns an upload into bytes safe to store and serve: size ceiling while reading, content
/// sniffed from the bytes, pixel ceiling from the image header before decoding, images
/// re-encoded without their metadata (EXIF, GPS).
/// </summary>
public interface IReceiptSanitizer
{
    Task<SanitizedReceipt> SanitizeAsync(Stream upload, CancellationToken cancellationToken);
}

public sealed record SanitizedReceipt(byte[] Bytes, string ContentType, string Sha256);

/// <summary>The limits of receipts, from the <c>Receipts</c> configuration section.</summary>
public sealed class ReceiptOptions
{
    public const string SectionName = "Receipts";

    public long MaxBytes { get; set; } = 10L * 1024 * 1024;
    public long MaxPixels { get; set; } = 16_000_000;
    public long GroupQuotaBytes { get; set; } = 200L * 1024 * 1024;
    public int MaxPerExpense { get; set; } = 20;
}
