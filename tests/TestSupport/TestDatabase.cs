using Ledger.Infrastructure;
using Ledger.Infrastructure.Persistence;
using Ledger.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;

namespace Ledger.TestSupport;

/// <summary>
/// One real PostgreSQL database per test project (projects may run side by side), migrated once
/// per run and reset with Respawn before each test. The Quartz tables are left alone: the
/// schedule is the worker cluster's, not a test's (job run records are reset like the rest).
/// </summary>
public sealed class TestDatabase
{
    private Respawner? _respawner;

    private TestDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateMigratedAsync(string name)
    {
        var database = $"ledger_test_{name}";
        var testDatabase = new TestDatabase(TestEnvironment.ConnectionStringFor(database));
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        DependencyInjection.ConfigureDbContext(options, testDatabase.ConnectionString);
        await using (var context = new ApplicationDbContext(options.Options))
        {
            await EnsureDatabaseOfThisHistoryAsync(database, context.Database.GetMigrations());
            await context.Database.MigrateAsync();
            await QuartzSchema.EnsureAsync(context.Database, CancellationToken.None);
        }

        return testDatabase;
    }

    /// <summary>
    /// Creates the database if it is missing, and recreates it if an earlier run migrated it with a
    /// history that shares no migration with this build's (the migrations were squashed into one
    /// baseline): migrating such a database would try to create every table again.
    /// </summary>
    private static async Task EnsureDatabaseOfThisHistoryAsync(
        string database,
        IEnumerable<string> migrations
    )
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand(
            "SELECT 1 FROM pg_database WHERE datname = @name",
            admin
        );
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is not null)
        {
            var applied = await AppliedMigrationsAsync(database);
            if (applied.Count == 0 || applied.Overlaps(migrations))
            {
                return;
            }

            await using var drop = new NpgsqlCommand(
                $"DROP DATABASE \"{database}\" WITH (FORCE)",
                admin
            );
            await drop.ExecuteNonQueryAsync();
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    private static async Task<HashSet<string>> AppliedMigrationsAsync(string database)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(
            TestEnvironment.ConnectionStringFor(database)
        )
        {
            Pooling = false,
        }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT migration_id FROM "__EFMigrationsHistory" """,
            connection
        );
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Never migrated.
        }

        return applied;
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
                    .. (await QuartzTablesAsync(connection)).Select(t => new Respawn.Graph.Table(
                        t
                    )),
                ],
            }
        );
        await _respawner.ResetAsync(connection);
    }

    private static async Task<List<string>> QuartzTablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
            connection
        );
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables.Where(QuartzSchema.IsQuartzTable).ToList();
    }
}
