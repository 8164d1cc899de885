using System.Security.Cryptography;
using Ledger.Application.Common.Paging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Ledger.Infrastructure.Paging;

/// <summary>
/// Cursors are protected with ASP.NET Core Data Protection (authenticated encryption): opaque to
/// clients, tamper-evident, and readable by every instance that shares the key ring. Each list
/// is its own purpose, so a cursor only fits the list that issued it.
/// </summary>
internal sealed class DataProtectionCursorProtector(IDataProtectionProvider provider)
    : ICursorProtector
{
    private const string RootPurpose = "Ledger.Paging.Cursor.v1";

    public string Protect(string purpose, byte[] payload) =>
        WebEncoders.Base64UrlEncode(Protector(purpose).Protect(payload));

    public byte[]? Unprotect(string purpose, string cursor)
    {
        try
        {
            return Protector(purpose).Unprotect(WebEncoders.Base64UrlDecode(cursor));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }

    private IDataProtector Protector(string purpose) =>
        provider.CreateProtector(RootPurpose, purpose);
}
