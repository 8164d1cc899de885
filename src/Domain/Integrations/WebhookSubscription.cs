using System.Security.Cryptography;
using Ledger.Domain.Common;

namespace Ledger.Domain.Integrations;

/// <summary>
/// A URL that receives a group's events, signed per the Standard Webhooks specification with
/// <see cref="Secret"/> (<c>whsec_</c> + base64 of 32 random bytes, shown to its creator once).
/// Created (<see cref="CreatedBy"/>) by a group owner or by a partner client with a grant on the
/// group; each sees and deletes only its own kind.
/// </summary>
public sealed class WebhookSubscription
{
    public const int UrlMaxLength = 2000;
    public const string SecretPrefix = "whsec_";

    private WebhookSubscription()
    {
        Url = string.Empty;
        Secret = string.Empty;
    }

    public Guid Id { get; private init; }
    public GroupId GroupId { get; private init; }
    public string Url { get; private init; }
    public string Secret { get; private set; }
    public Actor CreatedBy { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }

    /// <summary>The secret a rotation replaced; it keeps signing beside <see cref="Secret"/> until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; private set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    /// <summary>Set when a delivery was given up after its retries; cleared by the next successful delivery.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    /// <summary>Set when the subscription failed for too long; nothing is queued for it until a test ping re-enables it.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary><c>active</c>, <c>failing</c> or <c>disabled</c>, as its owner sees it.</summary>
    public string State =>
        DisabledAt is not null ? "disabled"
        : FailingSince is not null ? "failing"
        : "active";

    /// <summary>The secrets that sign a delivery now: the current one first, then a rotated-out one still in its overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > now
            ? [Secret, PreviousSecret]
            : [Secret];

    /// <summary>
    /// Replaces the secret; the old one keeps signing beside the new one for <paramref name="overlap"/>
    /// (so a receiver can switch without losing events). Returns the new secret, shown once.
    /// </summary>
    public string RotateSecret(DateTimeOffset now, TimeSpan overlap)
    {
        PreviousSecret = Secret;
        PreviousSecretExpiresAt = now + overlap;
        Secret = NewSecret();
        return Secret;
    }

    /// <summary>A delivery was given up: the subscription is failing from now (if it was not already).</summary>
    public void MarkFailing(DateTimeOffset now) => FailingSince ??= now;

    /// <summary>A delivery succeeded: the subscription is healthy again.</summary>
    public void MarkHealthy()
    {
        FailingSince = null;
        DisabledAt = null;
    }

    public void Disable(DateTimeOffset now) => DisabledAt ??= now;

    /// <summary>Re-enabled by its owner (a test ping); it is failing until a delivery succeeds.</summary>
    public void Enable(DateTimeOffset now)
    {
        if (DisabledAt is not null)
        {
            DisabledAt = null;
            FailingSince ??= now;
        }
    }

    private static string NewSecret() =>
        SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static WebhookSubscription Create(
        GroupId groupId,
        Uri url,
        Actor createdBy,
        DateTimeOffset now
    )
    {
        if (!createdBy.IsKnown)
        {
            throw new DomainValidationException("actor.unknown", "The creator is not known.");
        }

        return new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now),
            GroupId = groupId,
            Url = url.AbsoluteUri,
            Secret = NewSecret(),
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }
}
