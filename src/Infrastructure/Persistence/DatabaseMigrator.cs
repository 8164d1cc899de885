using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Persistence;

/// <summary>Applies EF Core migrations. Never EnsureCreated: the schema has one history.</summary>
public sealed class DatabaseMigrator(ApplicationDbContext db)
{
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        db.Database.MigrateAsync(cancellationToken);
}
