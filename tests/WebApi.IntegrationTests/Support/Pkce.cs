using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Ledger.WebApi.IntegrationTests.Support;

/// <summary>A PKCE pair (RFC 7636): a random verifier and its S256 challenge.</summary>
public sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce Create()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url.EncodeToString(
            SHA256.HashData(Encoding.ASCII.GetBytes(verifier))
        );
        return new Pkce(verifier, challenge);
    }
}
