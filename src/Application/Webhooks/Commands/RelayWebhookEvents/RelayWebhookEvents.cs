using Ledger.Application.Webhooks.Delivery;
using Microsoft.Extensions.Options;

namespace Ledger.Application.Webhooks.Commands.RelayWebhookEvents;

/// <summary>
/// Hands committed outbox events on to the subscriptions that should receive them: one pending
/// delivery per matching subscription, in event order, and the events marked processed, in one
/// transaction (ADR 0032). Sent by the worker's relay loop; answers how many events it handed
/// on (-1: another node's fan-out is running).
/// </summary>
public sealed record RelayWebhookEvents : ICommand<int>, IRequiresAccess
{
    public Access Access => Access.System;
}

public sealed class RelayWebhookEventsHandler(
    IWebhookRelayStore store,
    IOptions<WebhookOptions> options,
    TimeProvider clock
) : ICommandHandler<RelayWebhookEvents, int>
{
    public async ValueTask<int> Handle(
        RelayWebhookEvents command,
        CancellationToken cancellationToken
    ) =>
        await store.FanOutAsync(
            Math.Max(1, options.Value.FanOutBatchSize),
            clock.GetUtcNow(),
            cancellationToken
        );
}
