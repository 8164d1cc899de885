using System.Security.Cryptography;
using Ledger.Domain.Common;

namespace Ledger.Domain.Integrations;

/// <summary>
/// A URL that receives a group's events, signed per the Standard Webhooks specification with
/// <see cref="Secret"/> (<c>whsec_</c> + base64 of 32 random bytes, shown to its creator once).
/// Created by a group owner (<see cref="CreatedByUserId"/>) or by a partner client with a grant
/// on the group (<see cref="CreatedByClientId"/>); each sees and deletes only its own kind.
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
    public string Secret { get; private init; }
    public UserId? CreatedByUserId { get; private init; }
    public string? CreatedByClientId { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }

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
            Secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            CreatedByUserId = createdBy.UserId,
            CreatedByClientId = createdBy.ClientId,
            CreatedAt = now,
        };
    }
}
