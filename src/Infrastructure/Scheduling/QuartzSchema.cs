using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Ledger.Infrastructure.Scheduling;

/// <summary>
/// Creates the Quartz job store's tables from the script embedded in the Quartz package, when
/// the database is migrated. The script only creates what is missing, so running it on every
/// migration is safe; an advisory lock keeps two migrators from racing. Workers then only
/// validate the schema at start, so a wrong table prefix stops them instead of letting them
/// run a scheduler that fires nothing.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "qrtz_";
    private const string ScriptResource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";
    private const string StatementSeparator = "--;;";

    public static async Task EnsureAsync(
        DatabaseFacade database,
        CancellationToken cancellationToken
    )
    {
        var statements = Statements();
        var strategy = database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(
            async ct =>
            {
                await using var transaction = await database.BeginTransactionAsync(ct);
                await database.ExecuteSqlRawAsync(
                    "SELECT pg_advisory_xact_lock(hashtext('ledger.quartz-schema'))",
                    ct
                );
                foreach (var statement in statements)
                {
                    await database.ExecuteSqlRawAsync(statement, ct);
                }

                await transaction.CommitAsync(ct);
            },
            cancellationToken
        );
    }

    /// <summary>Every table of the store, for tools that must leave them alone (test resets).</summary>
    public static bool IsQuartzTable(string tableName) =>
        tableName.StartsWith(TablePrefix, StringComparison.OrdinalIgnoreCase);

    private static List<string> Statements()
    {
        using var stream =
            typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException(
                $"The Quartz package no longer embeds {ScriptResource}."
            );
        using var reader = new StreamReader(stream);
        var script = reader
            .ReadToEnd()
            .Replace("{0}", TablePrefix, StringComparison.Ordinal)
            .Replace("{1}", TablePrefix, StringComparison.Ordinal);
        // The script separates statements with a line reading exactly "--;;".
        var statements = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in script.Split('\n'))
        {
            if (line.TrimEnd('\r') == StatementSeparator)
            {
                statements.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.AppendLine(line);
            }
        }

        statements.Add(current.ToString());
        return statements.Where(HasSql).ToList();
    }

    private static bool HasSql(string statement) =>
        statement
            .Split('\n')
            .Any(line =>
                line.Trim() is { Length: > 0 } text
                && !text.StartsWith("--", StringComparison.Ordinal)
            );
}
