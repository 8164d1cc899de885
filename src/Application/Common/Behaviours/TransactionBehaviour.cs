using System.Data;
using Ledger.Application.Common.Outbox;

namespace Ledger.Application.Common.Behaviours;

/// <summary>
/// The behaviour that opens the transaction of a command (after logging, authorization,
/// validation and reauthentication; the owner recheck, idempotency and over-settlement
/// behaviours run inside it, then the handler): runs the rest in one database transaction inside EF
/// Core's execution strategy (so a transient failure retries the whole unit), saves, and
/// commits. A handler never commits by itself, so none can forget to (docs/requirements.md A13). If a
/// transaction is already open (a command sent by another command) it joins it.
/// Before saving, it publishes every domain event the command raised (ADR 0036): in-process
/// handlers run and the events are written to the outbox in the same transaction (ADR 0031): an
/// event exists exactly when its change committed, and nothing leaves the process before COMMIT.
/// The balance upsert comes last, just before COMMIT, so the group's balance rows are locked only
/// briefly.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(
    IApplicationDbContext db,
    IBalanceWriter balances,
    DomainEventPublisher domainEvents
) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken
    )
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(
                async ct =>
                {
                    // A retried attempt must start from the database, not from the failed attempt's changes.
                    db.ResetTracking();
                    balances.Discard();
                    await using var transaction = await db.Database.BeginTransactionAsync(
                        IsolationLevel.ReadCommitted,
                        ct
                    );
                    // A failed SaveChanges fails the whole command, which rolls back: EF's
                    // savepoint around each SaveChanges would only cost two statements (ADR 0057).
                    // The one caller that recovers from a failed save asks for it again.
                    db.Database.AutoSavepointsEnabled = false;
                    try
                    {
                        var response = await next(message, ct);
                        await domainEvents.PublishAsync(ct);
                        await db.SaveChangesAsync(ct);
                        await balances.FlushAsync(ct);
                        await transaction.CommitAsync(ct);
                        return response;
                    }
                    finally
                    {
                        db.Database.AutoSavepointsEnabled = true;
                    }
                },
                cancellationToken
            );
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            throw await ToVersionConflictAsync(conflict, cancellationToken);
        }
    }

    private static async Task<Exception> ToVersionConflictAsync(
        DbUpdateConcurrencyException conflict,
        CancellationToken cancellationToken
    )
    {
        var entry =
            conflict.Entries.FirstOrDefault(e => e.Entity is IVersioned)
            ?? (conflict.Entries.Count > 0 ? conflict.Entries[0] : null);
        if (entry is null)
        {
            return conflict;
        }

        var current = await entry.GetDatabaseValuesAsync(cancellationToken);
        var resource = entry.Metadata.ClrType.Name.ToLowerInvariant();
        if (current is null)
        {
            return new NotFoundException(resource);
        }

        var version =
            entry.Entity is IVersioned ? current.GetValue<int>(nameof(IVersioned.Version)) : 0;
        return new VersionConflictException(resource, version);
    }
}
