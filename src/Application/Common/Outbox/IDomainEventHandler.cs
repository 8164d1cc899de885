namespace Ledger.Application.Common.Outbox;

/// <summary>
/// An in-process reaction to a domain event that must happen in the same transaction as the
/// change (the chore hand-over when a member departs). Runs before the command's save, through
/// <see cref="DomainEventPublisher"/>; it may change tracked entities (and raise further events),
/// but must never call out of the process: webhooks and email leave through the outbox.
/// Register it with <c>AddDomainEventHandler</c> in Application's DependencyInjection.
/// </summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
