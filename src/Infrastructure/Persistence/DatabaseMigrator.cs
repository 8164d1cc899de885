using Ledger.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Persistence;

/// <summary>
/// Applies EF Core migrations, then creates the Quartz job store's tables if they are missing.
/// Never EnsureCreated: the schema has one history.
/// </summary>
public sealed class DatabaseMigrator(ApplicationDbContext db)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await QuartzSchema.EnsureAsync(db.Database, cancellationToken);
    }
}
