using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Infrastructure.Sessions;

/// <summary>
/// After this host commits a write to tokens, authorizations or users (sign-in, refresh,
/// revocation, password change, lockout, deletion), waits until its own listener has seen the
/// notifications of that commit (<see cref="SessionInvalidationListener.BarrierAsync"/>): the
/// host's very next request then validates the ended session again. Other hosts learn of it
/// from the same notifications, a moment later.
/// </summary>
public sealed class SessionWriteInterceptor
    : DbCommandInterceptor,
        IDbTransactionInterceptor,
        IDbConnectionInterceptor
{
    public static SessionWriteInterceptor Instance { get; } = new();

    private static readonly string[] SessionTables =
    [
        "open_iddict_tokens",
        "open_iddict_authorizations",
        "asp_net_users",
    ];

    // Transactions (barrier after their commit) and connections (barrier when closed, for a
    // statement of its own whose reader was still open) that wrote session rows.
    private readonly ConditionalWeakTable<object, object> _pending = [];

    private SessionWriteInterceptor() { }

    public override async ValueTask<int> NonQueryExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        await AfterAsync(command, eventData.Context, cancellationToken);
        return result;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result,
        CancellationToken cancellationToken = default
    )
    {
        // The statement's own commit may still be on its way while the reader is open: wait for
        // the transaction's commit, or else for the connection to be closed.
        if (WritesSessions(command))
        {
            _pending.AddOrUpdate((object?)command.Transaction ?? command.Connection!, this);
        }

        return result;
    }

    public async Task TransactionCommittedAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        if (_pending.Remove(transaction))
        {
            await BarrierAsync(eventData.Context, cancellationToken);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_pending.Remove(transaction))
        {
            BarrierAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public async Task ConnectionClosedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData
    )
    {
        if (_pending.Remove(connection))
        {
            await BarrierAsync(eventData.Context, CancellationToken.None);
        }
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (_pending.Remove(connection))
        {
            BarrierAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private async Task AfterAsync(
        DbCommand command,
        DbContext? context,
        CancellationToken cancellationToken
    )
    {
        if (!WritesSessions(command))
        {
            return;
        }

        if (command.Transaction is { } transaction)
        {
            _pending.AddOrUpdate(transaction, this);
        }
        else
        {
            await BarrierAsync(context, cancellationToken);
        }
    }

    private static bool WritesSessions(DbCommand command)
    {
        var text = command.CommandText;
        return (
                text.Contains("UPDATE", StringComparison.Ordinal)
                || text.Contains("DELETE", StringComparison.Ordinal)
            ) && SessionTables.Any(table => text.Contains(table, StringComparison.Ordinal));
    }

    private static Task BarrierAsync(DbContext? context, CancellationToken cancellationToken) =>
        context
            ?.GetService<IDbContextOptions>()
            .FindExtension<CoreOptionsExtension>()
            ?.ApplicationServiceProvider?.GetService<SessionInvalidationListener>()
            ?.BarrierAsync(cancellationToken)
        ?? Task.CompletedTask;
}
