using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ledger.Domain.Integrations;

namespace Ledger.Infrastructure.Webhooks;

/// <summary>
/// Signs a webhook delivery per the Standard Webhooks specification: the headers
/// <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c>, a
/// space-separated list of <c>v1,</c> + base64 HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>,
/// one per secret (so a rotated-out secret can keep signing beside the new one for a while).
/// For the relay (ADR 0031, 0032); tests verify it with the <c>StandardWebhooks</c> package.
/// <para>
/// With several secrets (during a rotation) the current secret's signature comes first and is
/// repeated at the end: <c>v1,new v1,old v1,new</c>. The specification asks receivers to accept
/// any matching signature, and the repetition changes nothing for them; but the
/// <c>StandardWebhooks</c> NuGet package (1.1.2) never compares the last entry of a list of two
/// or more (its loop ends when no space follows), so without it a receiver using that package
/// with the old secret would refuse every event of the overlap (ADR 0032).
/// </para>
/// </summary>
public static class WebhookSigner
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static IReadOnlyList<KeyValuePair<string, string>> Headers(
        IReadOnlyCollection<string> secrets,
        string eventId,
        DateTimeOffset timestamp,
        string body
    )
    {
        ArgumentOutOfRangeException.ThrowIfZero(secrets.Count);
        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"{eventId}.{seconds}.{body}");
        var signatures = secrets
            .Select(secret =>
                "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), signed))
            )
            .ToList();
        if (signatures.Count > 1)
        {
            signatures.Add(signatures[0]);
        }

        return
        [
            new(IdHeader, eventId),
            new(TimestampHeader, seconds),
            new(SignatureHeader, string.Join(' ', signatures)),
        ];
    }

    private static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(
            secret.StartsWith(WebhookSubscription.SecretPrefix, StringComparison.Ordinal)
                ? secret[WebhookSubscription.SecretPrefix.Length..]
                : secret
        );
}
