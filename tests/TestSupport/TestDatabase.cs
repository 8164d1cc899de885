using Ledger.Infrastructure;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;

namespace Ledger.TestSupport;

/// <summary>
/// One real PostgreSQL database per test project (projects may run side by side), migrated once
/// per run and reset with Respawn before each test.
/// </summary>
public sealed class TestDatabase
{
    private Respawner? _respawner;

    private TestDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateMigratedAsync(string name)
    {
        var database = $"ledger_test_{name}";
        await using (
            var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString)
        )
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand(
                "SELECT 1 FROM pg_database WHERE datname = @name",
                admin
            );
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand(
                    $"CREATE DATABASE \"{database}\"",
                    admin
                );
                await create.ExecuteNonQueryAsync();
            }
        }

        var testDatabase = new TestDatabase(TestEnvironment.ConnectionStringFor(database));
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        DependencyInjection.ConfigureDbContext(options, testDatabase.ConnectionString);
        await using (var context = new ApplicationDbContext(options.Options))
        {
            await context.Database.MigrateAsync();
        }

        return testDatabase;
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(
            connection,
            new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = ["public"],
                // Not test state but configuration the host keeps up: OAuth clients and scopes
                // are ensured from configuration at start-up (once per run, so wiping them would
                // leave the running host without its client), and the Data Protection key ring
                // is what lets a second host read the first one's cookies, as a restart would.
                // Users, tokens and authorizations are wiped like everything else.
                TablesToIgnore =
                [
                    "__EFMigrationsHistory",
                    "open_iddict_applications",
                    "open_iddict_scopes",
                    "data_protection_keys",
                ],
            }
        );
        await _respawner.ResetAsync(connection);
    }
}
