using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Ledger.Application.Common.Security;

/// <summary>
/// Random, URL-safe secrets (invite codes, confirmation tokens) and the hashes we store instead
/// of them, so a database reader cannot use a secret it finds there.
/// </summary>
public static class SecretTokens
{
    /// <summary>144 random bits from the OS CSPRNG: 24 URL-safe characters, no padding.</summary>
    public const int DefaultByteCount = 18;

    public static string Create(int byteCount = DefaultByteCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(byteCount, 16);
        return Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(byteCount));
    }

    /// <summary>Lower-case hex SHA-256. Secrets carry ≥ 128 random bits, so no salt or stretching is needed.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
