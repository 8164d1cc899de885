namespace Ledger.Application.Webhooks.Commands.DeleteWebhookSubscription;

/// <summary>Ends a subscription; no further events are sent to it. No validator: ids only.</summary>
public sealed record DeleteWebhookSubscription(GroupId GroupId, Guid SubscriptionId)
    : WebhookSubscriptionCommand<Unit>(GroupId, SubscriptionId);

public sealed class DeleteWebhookSubscriptionHandler(IApplicationDbContext db, WebhookAccess access)
    : ICommandHandler<DeleteWebhookSubscription, Unit>
{
    public async ValueTask<Unit> Handle(
        DeleteWebhookSubscription command,
        CancellationToken cancellationToken
    )
    {
        var subscription = await access.FindAsync(command, cancellationToken);
        db.WebhookSubscriptions.Remove(subscription);
        return Unit.Value;
    }
}
