using Ledger.Application.Receipts;
using Microsoft.Extensions.Options;

namespace Ledger.Infrastructure.Receipts;

/// <summary>Where receipts are stored, from the <c>Storage</c> configuration section.</summary>
public sealed class ReceiptStorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// The store's root directory; Production refuses to start without it. Several API instances
    /// and the worker must see the same directory (a shared volume).
    /// </summary>
    public string? ReceiptsRoot { get; set; }
}

/// <summary>
/// Receipts as files named by their SHA-256 below <c>Storage:ReceiptsRoot</c>
/// (<c>ab/abcdef…</c>): a name is never taken from a client, so no path can be smuggled in.
/// Written to a temporary file first and moved into place, so a reader never sees half a file.
/// </summary>
internal sealed class FileSystemReceiptStore(IOptions<ReceiptStorageOptions> options)
    : IReceiptStore
{
    private const string TemporaryFolder = "tmp";

    private string Root =>
        options.Value.ReceiptsRoot is { Length: > 0 } root
            ? root
            : Path.Combine(Path.GetTempPath(), "ledger-receipts");

    public async Task SaveAsync(
        string sha256,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken
    )
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return; // content-addressed: the same bytes are already there
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporaryDirectory = Path.Combine(Root, TemporaryFolder);
        Directory.CreateDirectory(temporaryDirectory);
        var temporary = Path.Combine(temporaryDirectory, Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another upload of the same content won the race
        }
    }

    public Stream? Open(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, true)
            : null;
    }

    public IEnumerable<StoredReceiptFile> List()
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            if (Path.GetFileName(directory) is not { Length: 2 } prefix || !IsHex(prefix))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory))
            {
                var name = Path.GetFileName(file);
                if (name.Length == 64 && IsHex(name))
                {
                    var info = new FileInfo(file);
                    yield return new StoredReceiptFile(
                        name,
                        info.LastWriteTimeUtc,
                        info.Exists ? info.Length : 0
                    );
                }
            }
        }
    }

    public void Delete(string sha256) => File.Delete(PathOf(sha256));

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !IsHex(sha256))
        {
            throw new ArgumentException("Not a SHA-256.", nameof(sha256));
        }

        return Path.Combine(Root, sha256[..2], sha256);
    }

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigitLower);
}
