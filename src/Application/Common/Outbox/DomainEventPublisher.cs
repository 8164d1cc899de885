using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Application.Common.Outbox;

/// <summary>
/// The one place domain events are handled (ADR 0036). The transaction behaviour calls
/// <see cref="PublishAsync"/> after the command's handler and before its save: every event the
/// command raised is taken from the tracked aggregates, handed to its in-process handlers
/// (<see cref="IDomainEventHandler{TEvent}"/>, which may raise more events: taken in the next
/// round), and written to the outbox (ADR 0031) — all in the command's transaction, so a
/// rolled-back or retried attempt leaves nothing behind and does nothing twice.
/// </summary>
public sealed class DomainEventPublisher(
    IApplicationDbContext db,
    IServiceProvider services,
    ICurrentPrincipal principal,
    TimeProvider clock
)
{
    /// <summary>Handlers raising events that raise events: a cycle is a bug, not a workload.</summary>
    public const int MaxRounds = 8;

    private static readonly MethodInfo InvokeDefinition = typeof(DomainEventPublisher).GetMethod(
        nameof(InvokeAsync),
        BindingFlags.NonPublic | BindingFlags.Static
    )!;

    private static readonly ConcurrentDictionary<
        Type,
        Func<IServiceProvider, IDomainEvent, CancellationToken, Task>
    > Invokers = new();

    /// <returns>How many events were written to the outbox.</returns>
    public async Task<int> PublishAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        var now = clock.GetUtcNow();
        for (var round = 0; ; round++)
        {
            var events = db.TakeDomainEvents();
            if (events.Count == 0)
            {
                return written;
            }

            if (round == MaxRounds)
            {
                throw new InvalidOperationException(
                    $"Domain event handlers still raised events after {MaxRounds} rounds."
                );
            }

            foreach (var domainEvent in events)
            {
                await InvokerOf(domainEvent.GetType())(services, domainEvent, cancellationToken);
                db.OutboxMessages.Add(OutboxEvents.ToMessage(domainEvent, principal, now));
                written++;
            }
        }
    }

    private static Func<IServiceProvider, IDomainEvent, CancellationToken, Task> InvokerOf(
        Type eventType
    ) =>
        Invokers.GetOrAdd(
            eventType,
            type =>
                InvokeDefinition
                    .MakeGenericMethod(type)
                    .CreateDelegate<Func<IServiceProvider, IDomainEvent, CancellationToken, Task>>()
        );

    private static async Task InvokeAsync<TEvent>(
        IServiceProvider services,
        IDomainEvent domainEvent,
        CancellationToken cancellationToken
    )
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync((TEvent)domainEvent, cancellationToken);
        }
    }
}
