using Ledger.Application.Operations;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Operations;

internal sealed class DatabaseStorageProbe(ApplicationDbContext db) : IStorageProbe
{
    public async Task<long> DatabaseSizeBytesAsync(CancellationToken cancellationToken) =>
        await db
            .Database.SqlQuery<long>($"""SELECT pg_database_size(current_database()) AS "Value" """)
            .SingleAsync(cancellationToken);
}
