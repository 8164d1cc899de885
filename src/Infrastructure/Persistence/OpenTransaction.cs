using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ledger.Infrastructure.Persistence;

/// <summary>
/// The one "needs an open transaction" guard: row locks, balance changes and idempotency keys
/// mean something only inside the transaction of the change (the transaction behaviour opens
/// it); outside one a lock would end with its statement and protect nothing.
/// </summary>
internal static class OpenTransaction
{
    public static IDbContextTransaction Require(DatabaseFacade database, string what) =>
        database.CurrentTransaction
        ?? throw new InvalidOperationException($"{what} needs an open transaction.");
}
