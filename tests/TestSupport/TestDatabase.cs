using Ledger.Infrastructure;
using Ledger.Infrastructure.Persistence;
using Ledger.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;

namespace Ledger.TestSupport;

/// <summary>
/// One real PostgreSQL database per test project (projects may run side by side), migrated once
/// per run and reset with Respawn before each test. The Quartz tables are left alone between
/// tests: the schedule is the worker cluster's, not a test's (job run records are reset like the
/// rest). A database is emptied entirely — Quartz state included — when a fixture creates it, so
/// that a rerun in the same clone starts from what a clean clone starts from.
/// </summary>
/// <remarks>
/// Worker and relay processes may still be running against the database while it is reset. A
/// reset therefore takes every table it empties at once, with <c>NOWAIT</c>, inside its
/// transaction before emptying them: it either holds them all (and the processes wait for it, as
/// they would for any writer) or holds none and tries again a moment later. It never waits while
/// holding a lock, so it cannot be one side of a deadlock (40P01), whatever order the processes
/// take their locks in.
/// </remarks>
public sealed class TestDatabase
{
    /// <summary>How long a reset may wait for the tables to be free of other transactions.</summary>
    private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(60);

    private Respawner? _respawner;
    private string? _lockTables;

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

        await testDatabase.EmptyEverythingAsync();
        return testDatabase;
    }

    /// <summary>
    /// Every table but the migration history, Quartz's and the OAuth/Data Protection
    /// configuration included: an earlier run's schedule, fired triggers, job runs and scheduler
    /// instances would otherwise meet this run's workers (the hosts a fixture starts afterwards
    /// register their clients and keys again).
    /// </summary>
    private async Task EmptyEverythingAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = (await PublicTablesAsync(connection))
            .Where(t => t != "__EFMigrationsHistory")
            .Select(Quoted)
            .ToList();
        if (tables.Count == 0)
        {
            return;
        }

        var list = string.Join(", ", tables);
        await ExclusivelyAsync(connection, list, $"TRUNCATE {list} CASCADE");
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
        if (_respawner is null)
        {
            var tables = await PublicTablesAsync(connection);
            // Not test state but configuration the host keeps up: OAuth clients and scopes
            // are ensured from configuration at start-up (once per run, so wiping them would
            // leave the running host without its client), and the Data Protection key ring
            // is what lets a second host read the first one's cookies, as a restart would.
            // Users, tokens and authorizations are wiped like everything else.
            string[] ignored =
            [
                "__EFMigrationsHistory",
                "open_iddict_applications",
                "open_iddict_scopes",
                "data_protection_keys",
                .. tables.Where(QuartzSchema.IsQuartzTable),
            ];
            _respawner = await Respawner.CreateAsync(
                connection,
                new RespawnerOptions
                {
                    DbAdapter = DbAdapter.Postgres,
                    SchemasToInclude = ["public"],
                    TablesToIgnore = [.. ignored.Select(t => new Respawn.Graph.Table(t))],
                }
            );
            _lockTables = string.Join(", ", tables.Except(ignored).Select(Quoted));
        }

        if (string.IsNullOrWhiteSpace(_respawner.DeleteSql))
        {
            return;
        }

        await ExclusivelyAsync(connection, _lockTables!, _respawner.DeleteSql);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> in a transaction that first holds every table of
    /// <paramref name="tables"/> exclusively, taken together with NOWAIT (see the remarks above).
    /// </summary>
    private static async Task ExclusivelyAsync(
        NpgsqlConnection connection,
        string tables,
        string sql
    )
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            try
            {
                await using (
                    var locking = new NpgsqlCommand(
                        $"LOCK TABLE {tables} IN ACCESS EXCLUSIVE MODE NOWAIT",
                        connection,
                        transaction
                    )
                )
                {
                    await locking.ExecuteNonQueryAsync();
                }

                await using (var reset = new NpgsqlCommand(sql, connection, transaction))
                {
                    await reset.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                await transaction.RollbackAsync();
                if (waited.Elapsed > LockPatience)
                {
                    throw new TimeoutException(
                        $"The test database's tables stayed in use by other transactions for {LockPatience}: a process of an earlier test still works on them.",
                        e
                    );
                }

                await Task.Delay(pause);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 100));
            }
        }
    }

    private static string Quoted(string table) => $"\"public\".\"{table}\"";

    private static async Task<List<string>> PublicTablesAsync(NpgsqlConnection connection)
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

        return tables;
    }
}
