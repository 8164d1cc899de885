using System.Diagnostics;
using System.Globalization;

namespace Ledger.Build;

/// <summary>
/// P3 (QUALITY.md): recurring generation with two worker processes. In a database of its own
/// (<see cref="Database"/>, dropped and made anew each run): migrations, the demo data, then by
/// bulk SQL <c>templates</c> copies of the demo's daily template spread over groups of the demo
/// flat's members, each with one occurrence due. Two Release worker processes then generate at
/// once (the job fires every second on each; nothing else is scheduled); the figure is the
/// occurrences over the time from the first batch's start to the moment nothing is due, with the
/// workers' CPU per occurrence. Afterwards every occurrence is checked to exist exactly once, the
/// template counters to match, and the balances to have moved by exactly the generated
/// expenses. <c>LEDGER_BENCH_WORKER</c> names another worker assembly to measure (e.g. one built
/// from an earlier commit, for a before/after figure).
/// </summary>
internal static class BenchRecurring
{
    public const string Database = "ledger_bench_recurring";
    public const int DefaultTemplates = 100_000;

    /// <summary>Templates per group: balance deltas are summed per group and batch.</summary>
    private const int PerGroup = 50;

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);

    /// <summary>`bench --only recurring [--templates N]`: this scenario alone, printed.</summary>
    public static async Task<int> RunOnlyAsync(string root, ServiceState services, string[] rest)
    {
        var templates = rest is ["--templates", var n]
            ? int.Parse(n, CultureInfo.InvariantCulture)
            : DefaultTemplates;
        var result = await RunAsync(root, services, templates);
        Console.WriteLine(result.Row);
        return result.ExactlyOnce ? 0 : 1;
    }

    /// <summary>
    /// The full bench's call: P3 at its size (a small one for <c>--tiny</c>), its row appended
    /// to docs/PERFORMANCE.md after the rest of the report is written.
    /// </summary>
    public static async Task<string> RunAndReportAsync(
        string root,
        ServiceState services,
        bool tiny
    )
    {
        var result = await RunAsync(root, services, tiny ? 2_000 : DefaultTemplates);
        var command = tiny
            ? "./build.sh bench --only recurring --templates 2000"
            : "./build.sh bench --only recurring";
        File.AppendAllText(
            Path.Combine(root, "docs", "PERFORMANCE.md"),
            $"\n## Recurring generation (P3)\n\n{result.Row} (build/BenchRecurring.cs; alone: `{command}`)\n"
        );
        return result.Row;
    }

    public static async Task<RecurringResult> RunAsync(
        string root,
        ServiceState services,
        int templates
    )
    {
        Console.WriteLine($"bench: recurring generation (P3), {templates} templates...");
        Shell.RunOrFail(
            "dotnet",
            ["build", "src/Worker", "-c", "Release", "--nologo", "-v", "q"],
            root
        );
        Shell.RunOrFail(
            "dotnet",
            ["build", "src/WebApi", "-c", "Release", "--nologo", "-v", "q"],
            root
        );
        Psql(services, "postgres", $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
        Psql(services, "postgres", $"CREATE DATABASE {Database}");
        var environment = Targets.AppEnvironment(root, services);
        environment["ConnectionStrings__Ledger"] = services.PostgresConnectionString(Database);
        environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var step in new[] { "--migrate-only", "--seed-demo" })
        {
            Shell.RunOrFail(
                "dotnet",
                ["bin/Release/net10.0/Ledger.WebApi.dll", step],
                Path.Combine(root, "src", "WebApi"),
                environment
            );
        }

        Seed(services, templates);
        var due = long.Parse(Query(services, DueSql), CultureInfo.InvariantCulture);

        var assembly =
            Environment.GetEnvironmentVariable("LEDGER_BENCH_WORKER")
            ?? Path.Combine(
                root,
                "src",
                "Worker",
                "bin",
                "Release",
                "net10.0",
                "Ledger.Worker.dll"
            );
        environment["DOTNET_ENVIRONMENT"] = "Development";
        environment["Worker__IdleWait"] = "00:00:01";
        environment["Worker__Schedules__generate-recurring-expenses"] = "0/1 * * * * ?";
        environment["Worker__Timeouts__generate-recurring-expenses"] = "00:30:00";
        var workers = new List<Process>();
        var elapsed = 0.0;
        try
        {
            for (var i = 0; i < 2; i++)
            {
                workers.Add(
                    Shell.Start(
                        "dotnet",
                        [assembly],
                        Path.GetDirectoryName(assembly),
                        environment,
                        capture: false
                    )
                );
            }

            var watch = Stopwatch.StartNew();
            long? cpuAtStart = null;
            var databaseAtStart = 0L;
            while (true)
            {
                // Committed with the occurrences: when no template is due, every batch is in.
                var state = Query(
                        services,
                        """
                        SELECT (SELECT count(*) FROM recurring_expenses WHERE status = 'Active' AND next_due_at <= now())
                            || ' ' || count(*)
                            || ' ' || coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)
                        FROM recurring_expense_occurrences
                        """
                    )
                    .Split(' ');
                if (cpuAtStart is null && state[1] != "0")
                {
                    // Start-up (JIT, cluster join) is not generation: counted from the first batch.
                    cpuAtStart = workers.Sum(w => CpuTicks(w.Id));
                    databaseAtStart = DatabaseTicks(services);
                }

                if (state[0] == "0")
                {
                    elapsed = double.Parse(state[2], CultureInfo.InvariantCulture);
                    break;
                }

                if (watch.Elapsed > Limit || workers.Any(w => w.HasExited))
                {
                    throw new BuildException(
                        $"recurring generation did not finish ({state[0]} templates still due)."
                    );
                }

                await Task.Delay(200);
            }

            var cpu = workers.Sum(w => CpuTicks(w.Id)) - (cpuAtStart ?? 0);
            var database = DatabaseTicks(services) - databaseAtStart;
            var check = Query(services, CheckSql).Split(' ');
            var generated = long.Parse(check[0], CultureInfo.InvariantCulture);
            var exactlyOnce = check[1] is ("t" or "true") && generated >= due;
            var result = new RecurringResult(
                templates,
                generated,
                elapsed,
                generated / elapsed,
                cpu * 10.0 / generated,
                database * 10.0 / generated,
                exactlyOnce
            );
            Console.WriteLine($"bench: {result.Row}");
            return result;
        }
        finally
        {
            foreach (var worker in workers)
            {
                if (!worker.HasExited)
                {
                    Shell.Run("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)]);
                    await worker.WaitForExitAsync();
                }

                worker.Dispose();
            }
        }
    }

    /// <summary>
    /// Groups copied from the demo flat (same members), and the demo's daily template copied
    /// into them, each copy due once (today). Column lists are read from the catalog, so a
    /// column added by a migration is copied too.
    /// </summary>
    private static void Seed(ServiceState services, int templates)
    {
        var groups = Math.Max(1, templates / PerGroup);
        var template = Query(
            services,
            "SELECT id FROM recurring_expenses WHERE frequency = 'Daily' ORDER BY created_at LIMIT 1"
        );
        var group = Query(
            services,
            $"SELECT group_id FROM recurring_expenses WHERE id = '{template}'"
        );
        string Copy(string table, string from, params (string Column, string Value)[] set)
        {
            var columns = Query(
                    services,
                    $"""
                    SELECT string_agg(column_name, ',' ORDER BY ordinal_position)
                    FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = '{table}'
                    AND is_generated = 'NEVER' AND identity_generation IS NULL
                    """
                )
                .Split(',');
            var values = columns.Select(c =>
                set.FirstOrDefault(s => s.Column == c).Value ?? $"t.{c}"
            );
            return $"INSERT INTO {table} ({string.Join(',', columns)}) SELECT {string.Join(',', values)} FROM {from};";
        }

        var sql = string.Join(
            '\n',
            $"CREATE TEMP TABLE bench_groups AS SELECT gen_random_uuid() AS id FROM generate_series(1, {groups});",
            Copy(
                "groups",
                $"groups t CROSS JOIN bench_groups b WHERE t.id = '{group}'",
                ("id", "b.id")
            ),
            Copy(
                "memberships",
                $"memberships t CROSS JOIN bench_groups b WHERE t.group_id = '{group}' AND t.left_at IS NULL",
                ("id", "gen_random_uuid()"),
                ("group_id", "b.id")
            ),
            Copy(
                "recurring_expenses",
                $"recurring_expenses t CROSS JOIN (SELECT b.id AS group_id, n FROM bench_groups b CROSS JOIN generate_series(1, {PerGroup}) n LIMIT {templates}) c WHERE t.id = '{template}'",
                ("id", "gen_random_uuid()"),
                ("group_id", "c.group_id")
            ),
            // The copies are the scenario: the demo's own templates stay out of it.
            $"UPDATE recurring_expenses SET next_due_at = NULL, status = 'Paused' WHERE group_id = '{group}';",
            "CREATE TABLE bench_balances_before AS SELECT * FROM member_balances;",
            "CREATE TABLE bench_expenses_before AS SELECT id FROM expenses;",
            "ANALYZE;"
        );
        Psql(services, Database, sql);
    }

    private const string DueSql =
        "SELECT count(*) FROM recurring_expenses WHERE status = 'Active' AND next_due_at <= now()";

    /// <summary>
    /// The occurrence count, then whether every occurrence exists once (per template and date,
    /// and per expense), each template's counter matches its occurrences, every new expense is
    /// an occurrence's, and each balance moved by exactly what the generated expenses add up to.
    /// </summary>
    private const string CheckSql = """
        WITH before AS (
            SELECT group_id, user_id, currency, net_minor_units AS net FROM bench_balances_before
        ),
        generated AS (
            SELECT e.group_id, x.user_id, e.currency, sum(x.net) AS net
            FROM expenses e
            JOIN recurring_expense_occurrences o ON o.group_id = e.group_id AND o.expense_id = e.id
            JOIN LATERAL (
                SELECT p.user_id, p.paid_minor_units AS net FROM expense_payers p
                WHERE p.group_id = e.group_id AND p.expense_id = e.id
                UNION ALL
                SELECT s.user_id, -s.owed_minor_units FROM expense_splits s
                WHERE s.group_id = e.group_id AND s.expense_id = e.id
            ) x ON true
            GROUP BY 1, 2, 3
        ),
        drift AS (
            SELECT m.group_id FROM member_balances m
            LEFT JOIN before b ON b.group_id = m.group_id AND b.user_id = m.user_id AND b.currency = m.currency
            LEFT JOIN generated g ON g.group_id = m.group_id AND g.user_id = m.user_id AND g.currency = m.currency
            WHERE m.net_minor_units <> coalesce(b.net, 0) + coalesce(g.net, 0)
        )
        SELECT (SELECT count(*) FROM recurring_expense_occurrences) || ' ' || (
            (SELECT count(*) FROM recurring_expense_occurrences)
                = (SELECT count(DISTINCT (recurring_expense_id, occurrence_date)) FROM recurring_expense_occurrences)
            AND (SELECT count(*) FROM recurring_expense_occurrences)
                = (SELECT count(DISTINCT expense_id) FROM recurring_expense_occurrences)
            AND (SELECT count(*) FROM recurring_expense_occurrences)
                = (SELECT sum(generated_count) FROM recurring_expenses)
            AND NOT EXISTS (
                SELECT 1 FROM recurring_expenses r
                WHERE r.generated_count <> (SELECT count(*) FROM recurring_expense_occurrences o
                    WHERE o.group_id = r.group_id AND o.recurring_expense_id = r.id))
            AND (SELECT count(*) FROM expenses)
                = (SELECT count(*) FROM bench_expenses_before) + (SELECT count(*) FROM recurring_expense_occurrences)
            AND NOT EXISTS (SELECT 1 FROM drift)
        )
        """;

    private static string Query(ServiceState services, string sql) =>
        Query(services, Database, sql);

    private static string Query(ServiceState services, string database, string sql)
    {
        var (code, output) = Shell.Capture(
            "psql",
            PsqlArguments(services, database, ["-At", "-c", sql]),
            environment: new Dictionary<string, string>
            {
                ["PGPASSWORD"] = services.PostgresPassword,
            }
        );
        return code == 0
            ? output.Trim()
            : throw new BuildException($"psql failed: {output.Trim()}");
    }

    private static void Psql(ServiceState services, string database, string sql) =>
        Shell.RunOrFail(
            "psql",
            PsqlArguments(
                services,
                database,
                ["-q", "-v", "ON_ERROR_STOP=1", "-o", "/dev/null", "-c", sql]
            ),
            environment: new Dictionary<string, string>
            {
                ["PGPASSWORD"] = services.PostgresPassword,
            }
        );

    private static string[] PsqlArguments(ServiceState services, string database, string[] rest) =>
        [
            "-h",
            "127.0.0.1",
            "-p",
            services.PostgresPort.ToString(CultureInfo.InvariantCulture),
            "-U",
            "ledger",
            "-d",
            database,
            .. rest,
        ];

    /// <summary>
    /// The CPU time of the whole PostgreSQL cluster (the postmaster and its children: the
    /// backends serving the workers, the WAL writer, the checkpointer...), in clock ticks.
    /// </summary>
    private static long DatabaseTicks(ServiceState services)
    {
        var postmaster = int.Parse(
            File.ReadLines(Path.Combine(services.PostgresDataDirectory, "postmaster.pid")).First(),
            CultureInfo.InvariantCulture
        );
        var total = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var parent = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
                if (
                    pid == postmaster
                    || parent == postmaster.ToString(CultureInfo.InvariantCulture)
                )
                {
                    total += CpuTicks(pid);
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }

        return total;
    }

    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture)
            + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}

/// <summary>One P3 run: its size, what it generated, how fast, and the exactly-once check.</summary>
internal sealed record RecurringResult(
    int Templates,
    long Occurrences,
    double Seconds,
    double PerSecond,
    double WorkerCpuMsPerOccurrence,
    double DatabaseCpuMsPerOccurrence,
    bool ExactlyOnce
)
{
    public string Row =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"recurring generation (P3): {Templates:N0} due templates, 2 workers: {Occurrences:N0} occurrences in {Seconds:F1} s = {PerSecond:N0} occurrences/s, CPU per occurrence {WorkerCpuMsPerOccurrence:F2} ms worker + {DatabaseCpuMsPerOccurrence:F2} ms PostgreSQL (on 2 idle cores: ~{2000 / (WorkerCpuMsPerOccurrence + DatabaseCpuMsPerOccurrence):N0}/s); exactly once and balances: {(ExactlyOnce ? "ok" : "FAILED")}"
        );
}
