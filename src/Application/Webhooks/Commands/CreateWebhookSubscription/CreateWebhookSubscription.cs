using Ledger.Domain.Integrations;
using Microsoft.Extensions.Options;

namespace Ledger.Application.Webhooks.Commands.CreateWebhookSubscription;

/// <summary>
/// Subscribes an https URL to the group's events. Owners, and partners with a grant on the group;
/// the answer carries the signing secret, the only time it is shown.
/// </summary>
public sealed record CreateWebhookSubscription(GroupId GroupId, string Url)
    : ICommand<CreatedWebhookSubscriptionDto>,
        IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Read);
}

public sealed class CreateWebhookSubscriptionValidator
    : AbstractValidator<CreateWebhookSubscription>
{
    public CreateWebhookSubscriptionValidator(IOptions<WebhookOptions> options)
    {
        var allowLoopback = options.Value.AllowLoopback;
        RuleFor(c => c.Url)
            .Must(url => WebhookUrls.IsAcceptable(url, allowLoopback))
            .WithErrorCode("webhook.url")
            .WithMessage(
                "The URL must be an absolute https URL to a public host, at most 2000 characters."
            );
    }
}

public sealed class CreateWebhookSubscriptionHandler(
    IApplicationDbContext db,
    WebhookAccess access,
    TimeProvider clock
) : ICommandHandler<CreateWebhookSubscription, CreatedWebhookSubscriptionDto>
{
    public async ValueTask<CreatedWebhookSubscriptionDto> Handle(
        CreateWebhookSubscription command,
        CancellationToken cancellationToken
    )
    {
        var caller = await access.EnsureAsync(command.GroupId, cancellationToken);
        var subscription = WebhookSubscription.Create(
            command.GroupId,
            new Uri(command.Url),
            caller,
            clock.GetUtcNow()
        );
        db.WebhookSubscriptions.Add(subscription);
        return new CreatedWebhookSubscriptionDto(
            subscription.Id,
            subscription.GroupId.Value,
            subscription.Url,
            subscription.CreatedAt,
            subscription.Secret
        );
    }
}
