using Microsoft.Extensions.Options;

namespace Ledger.Application.Webhooks.Commands.RotateWebhookSecret;

/// <summary>
/// Replaces a subscription's signing secret. The new secret is shown once; the old one keeps
/// signing beside it (a second signature in <c>webhook-signature</c>) for
/// <see cref="WebhookOptions.RotationOverlap"/>, so the receiver can switch without losing events.
/// No validator: ids only.
/// </summary>
public sealed record RotateWebhookSecret(GroupId GroupId, Guid SubscriptionId)
    : WebhookSubscriptionCommand<RotatedWebhookSecretDto>(GroupId, SubscriptionId);

public sealed record RotatedWebhookSecretDto(
    Guid Id,
    string Secret,
    DateTimeOffset PreviousSecretExpiresAt
);

public sealed class RotateWebhookSecretHandler(
    WebhookAccess access,
    IOptions<WebhookOptions> options,
    TimeProvider clock
) : ICommandHandler<RotateWebhookSecret, RotatedWebhookSecretDto>
{
    public async ValueTask<RotatedWebhookSecretDto> Handle(
        RotateWebhookSecret command,
        CancellationToken cancellationToken
    )
    {
        var subscription = await access.FindAsync(command, cancellationToken);
        var now = clock.GetUtcNow();
        var secret = subscription.RotateSecret(now, options.Value.RotationOverlap);
        return new RotatedWebhookSecretDto(
            subscription.Id,
            secret,
            subscription.PreviousSecretExpiresAt!.Value
        );
    }
}
