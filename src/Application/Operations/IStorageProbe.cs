namespace Ledger.Application.Operations;

/// <summary>Measures what the application stores.</summary>
public interface IStorageProbe
{
    Task<long> DatabaseSizeBytesAsync(CancellationToken cancellationToken);
}
