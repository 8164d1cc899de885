using System.Security.Cryptography;
using System.Text;

namespace Ledger.Infrastructure.Identity;

/// <summary>
/// Tokens carry a digest of the user's security stamp, never the stamp itself (Identity derives
/// one-time codes from it). Identity rotates the stamp on password changes; anonymization does
/// too. A token whose digest no longer matches belongs to a session that has ended.
/// </summary>
public static class SecurityStamps
{
    public const string ClaimType = "ledger_stamp";

    public static string Digest(string? securityStamp) =>
        Convert.ToBase64String(
            SHA256.HashData(Encoding.UTF8.GetBytes(securityStamp ?? string.Empty)).AsSpan(0, 16)
        );
}
