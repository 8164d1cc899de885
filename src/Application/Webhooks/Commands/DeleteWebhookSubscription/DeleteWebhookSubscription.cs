namespace Ledger.Application.Webhooks.Commands.DeleteWebhookSubscription;

/// <summary>Ends a subscription; no further events are sent to it. No validator: ids only.</summary>
public sealed record DeleteWebhookSubscription(GroupId GroupId, Guid SubscriptionId)
    : ICommand<Unit>,
        IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Read);
}

public sealed class DeleteWebhookSubscriptionHandler(IApplicationDbContext db, WebhookAccess access)
    : ICommandHandler<DeleteWebhookSubscription, Unit>
{
    public async ValueTask<Unit> Handle(
        DeleteWebhookSubscription command,
        CancellationToken cancellationToken
    )
    {
        var subscription = await access.FindAsync(
            command.GroupId,
            command.SubscriptionId,
            cancellationToken
        );
        db.WebhookSubscriptions.Remove(subscription);
        return Unit.Value;
    }
}
