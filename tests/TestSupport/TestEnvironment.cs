using System.Text.Json;
using Npgsql;

namespace Ledger.TestSupport;

/// <summary>
/// Where the real services of this test run are. `./build.sh test` passes them in the
/// environment; a plain `dotnet test` after `./build.sh services start` finds them in
/// .local/services.json.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresAdminConnectionString { get; } =
        Resolve("LEDGER_TEST_POSTGRES", state => Postgres(state, "postgres"));

    public static string RedisConnectionString { get; } =
        Resolve(
            "LEDGER_TEST_REDIS",
            state =>
                $"127.0.0.1:{state.GetProperty("RedisPort").GetInt32()},password={state.GetProperty("RedisPassword").GetString()},defaultDatabase=1"
        );

    /// <summary>The data directory of the run's PostgreSQL cluster, for tests that stop and start it.</summary>
    public static string PostgresDataDirectory { get; } =
        Resolve(
            "LEDGER_TEST_POSTGRES_DATA",
            state => state.GetProperty(nameof(PostgresDataDirectory)).GetString()!
        );

    public static string LogsDirectory { get; } =
        Environment.GetEnvironmentVariable("LEDGER_TEST_LOGS")
        ?? Path.Combine(RepositoryRoot(), ".local", "test-logs");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString)
        {
            Database = database,
        }.ConnectionString;

    public static string RepositoryRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LEDGER_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (
            directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ledger.sln"))
        )
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("Cannot find the repository root.");
    }

    private static string Resolve(string variable, Func<JsonElement, string> fromState)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(value))
        {
            return value;
        }

        var stateFile = Path.Combine(RepositoryRoot(), ".local", "services.json");
        if (!File.Exists(stateFile))
        {
            throw new InvalidOperationException(
                "No local services: run ./build.sh test, or ./build.sh services start first."
            );
        }

        using var state = JsonDocument.Parse(File.ReadAllText(stateFile));
        return fromState(state.RootElement);
    }

    private static string Postgres(JsonElement state, string database) =>
        $"Host=127.0.0.1;Port={state.GetProperty("PostgresPort").GetInt32()};Database={database};Username=ledger;Password={state.GetProperty("PostgresPassword").GetString()}";
}
