using Ledger.Application.Common.Interfaces;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.TestSupport;

/// <summary>
/// Sends the queued account emails of a host as the worker's <c>send-queued-emails</c> job does:
/// the same outbox code, in a transaction, until no batch is left. For tests of a host that has
/// no worker (the API); the worker's own job is tested on a worker process.
/// </summary>
public static class QueuedEmails
{
    public static async Task<AccountEmailBatch> SendDueAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IAccountEmailOutbox>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var batch = await outbox.SendDueAsync(CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return batch;
        });
    }
}
