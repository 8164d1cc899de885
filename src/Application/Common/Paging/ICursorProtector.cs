namespace Ledger.Application.Common.Paging;

/// <summary>
/// Makes cursor payloads opaque and tamper-evident (authenticated encryption with the app's
/// shared keys, so any instance can read a cursor another one issued).
/// </summary>
public interface ICursorProtector
{
    string Protect(string purpose, byte[] payload);

    /// <summary>The payload, or null if the cursor was not issued for this purpose or was altered.</summary>
    byte[]? Unprotect(string purpose, string cursor);
}
