namespace Ledger.Domain.Common;

/// <summary>Something that happened inside an aggregate, dispatched after the transaction commits.</summary>
public interface IDomainEvent;

/// <summary>
/// An entity that raises domain events; the transaction behaviour takes them from every tracked
/// entity and writes them to the outbox in the command's transaction.
/// </summary>
public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}

/// <summary>
/// The consistency boundary of a group of entities. Raises events instead of calling out, so that
/// side effects happen after commit (outbox), never half-way through a change.
/// </summary>
public abstract class AggregateRoot<TId> : IHasDomainEvents
    where TId : struct
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public TId Id { get; protected init; }

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}

/// <summary>
/// A mutable resource clients edit concurrently. <see cref="Version"/> is the optimistic
/// concurrency token: the database only applies an update whose original version still matches.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
