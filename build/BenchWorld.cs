using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Ledger.Build;

/// <summary>
/// The bench's data set (issue 14): by bulk SQL, 2,000 users in 500 groups of 2–6 members, each
/// group with a year of history (equal expenses paid in turn by its members), plus one busy group
/// of 16 members with a long history; the balances are the sums of what was seeded. The users are
/// copies of the first demo user (same password hash, so they sign in with its password). The
/// "actors" are the users the load runs as: the first member of the first groups (many groups)
/// and every member of the busy group, each with their group, its members, a few of its expenses
/// and a few of their own unpaid splits.
/// </summary>
internal static class BenchWorld
{
    public sealed record Size(
        int Users,
        int Groups,
        int ExpensesPerGroup,
        int BusyMembers,
        int BusyExpenses,
        int Sample
    );

    public static Size For(bool tiny) =>
        tiny ? new Size(200, 50, 20, 6, 500, 8) : new Size(2_000, 500, 100, 16, 20_000, 100);

    /// <summary>One user the load runs as, and what it touches.</summary>
    public sealed record Actor(
        string Workload,
        string Email,
        string UserId,
        string GroupId,
        IReadOnlyList<string> Members,
        IReadOnlyList<string> Expenses,
        IReadOnlyList<(string Expense, string Split)> Splits
    );

    public sealed record Seeded(
        IReadOnlyList<Actor> Actors,
        string Password,
        IReadOnlyList<string> KnownEmails,
        string Nonce
    );

    public static Seeded Seed(string root, ServiceState services, bool tiny)
    {
        var size = For(tiny);
        var logins = DemoLogin.Read(root);
        var demo =
            logins.Count > 0
                ? logins[0]
                : throw new BuildException("No demo user to copy the bench users from.");
        var nonce = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8];
        var email = $"'bench-{nonce}-' || b.n || '@example.test'";
        var clock = Stopwatch.StartNew();
        var users = Copy(
            services,
            "asp_net_users",
            $"asp_net_users t CROSS JOIN bench_users b WHERE t.normalized_email = upper('{demo.Email.Replace("'", "''", StringComparison.Ordinal)}')",
            ("id", "b.id"),
            ("email", email),
            ("normalized_email", $"upper({email})"),
            ("user_name", email),
            ("normalized_user_name", $"upper({email})"),
            ("security_stamp", "md5(random()::text)"),
            ("concurrency_stamp", "gen_random_uuid()::text"),
            ("display_name", "'Bench user ' || b.n")
        );
        Bench.PsqlScript(
            services,
            $"""
            SET synchronous_commit = off;
            BEGIN;
            CREATE TEMP TABLE bench_users ON COMMIT DROP AS
              SELECT gen_random_uuid() AS id, n FROM generate_series(1, {size.Users
                + size.BusyMembers}) n;
            {users}
            CREATE TEMP TABLE bench_groups ON COMMIT DROP AS
              SELECT gen_random_uuid() AS id, g, 2 + (g - 1) % 5 AS size,
                     sum(2 + (g - 1) % 5) OVER (ORDER BY g) - (2 + (g - 1) % 5) AS first
              FROM generate_series(1, {size.Groups}) g;
            INSERT INTO bench_groups SELECT gen_random_uuid(), 0, {size.BusyMembers}, {size.Users};
            INSERT INTO groups (id, name, default_currency, time_zone_id, status, version, created_at)
            SELECT id, 'bench-{nonce} ' || CASE WHEN g = 0 THEN 'busy' ELSE 'group ' || g END,
                   'EUR', 'Europe/Berlin', 'Active', 1, now() - interval '1 year'
            FROM bench_groups;
            CREATE TEMP TABLE bench_members ON COMMIT DROP AS
              SELECT bg.id AS group_id, k, bu.id AS user_id
              FROM bench_groups bg CROSS JOIN LATERAL generate_series(0, bg.size - 1) k
              JOIN bench_users bu ON bu.n = bg.first + k + 1;
            INSERT INTO memberships (id, group_id, user_id, role, joined_at, removed)
            SELECT gen_random_uuid(), group_id, user_id, CASE WHEN k = 0 THEN 'Owner' ELSE 'Member' END,
                   now() - interval '1 year', false
            FROM bench_members;
            CREATE TEMP TABLE bench_expenses ON COMMIT DROP AS
              SELECT gen_random_uuid() AS id, bg.id AS group_id, bg.size, e, e % bg.size AS payer,
                     bg.size * (100 + (e * 37) % 4900) AS total,
                     (e * 365) / CASE WHEN bg.g = 0 THEN {size.BusyExpenses} ELSE {size.ExpensesPerGroup} END AS day
              FROM bench_groups bg
              CROSS JOIN LATERAL generate_series(1, CASE WHEN bg.g = 0 THEN {size.BusyExpenses} ELSE {size.ExpensesPerGroup} END) e;
            INSERT INTO expenses (id, group_id, description, category, date, currency,
              total_minor_units, split_type, created_by_user_id, created_at, version)
            SELECT e.id, e.group_id, 'Bench expense ' || e.e, 'Household', current_date - 365 + e.day,
                   'EUR', e.total, 'Equal', m.user_id, now() - interval '365 days' + e.day * interval '1 day', 1
            FROM bench_expenses e JOIN bench_members m ON m.group_id = e.group_id AND m.k = e.payer;
            INSERT INTO expense_payers (expense_id, group_id, user_id, paid_minor_units)
            SELECT e.id, e.group_id, m.user_id, e.total
            FROM bench_expenses e JOIN bench_members m ON m.group_id = e.group_id AND m.k = e.payer;
            INSERT INTO expense_splits (id, group_id, expense_id, user_id, currency,
              owed_minor_units, covered_by_own_payment_minor_units, settled_minor_units, status)
            SELECT gen_random_uuid(), e.group_id, e.id, m.user_id, 'EUR', e.total / e.size,
                   CASE WHEN m.k = e.payer THEN e.total / e.size ELSE 0 END,
                   CASE WHEN m.k = e.payer THEN e.total / e.size ELSE 0 END,
                   CASE WHEN m.k = e.payer THEN 'Paid' ELSE 'Unpaid' END
            FROM bench_expenses e JOIN bench_members m ON m.group_id = e.group_id;
            INSERT INTO member_balances (group_id, user_id, currency, net_minor_units)
            SELECT group_id, user_id, 'EUR', sum(net) FROM (
              SELECT e.group_id, m.user_id, e.total - e.total / e.size AS net
              FROM bench_expenses e JOIN bench_members m ON m.group_id = e.group_id AND m.k = e.payer
              UNION ALL
              SELECT e.group_id, m.user_id, -(e.total / e.size)
              FROM bench_expenses e JOIN bench_members m ON m.group_id = e.group_id AND m.k <> e.payer
            ) x GROUP BY group_id, user_id;
            COMMIT;
            -- Vacuumed and checkpointed now, so that autovacuum's pass over the freshly loaded
            -- tables and the checkpoint that follows a bulk load do not land in a measured window.
            VACUUM (ANALYZE) asp_net_users, groups, memberships, expenses, expense_payers,
              expense_splits, member_balances;
            CHECKPOINT;
            """
        );
        Console.WriteLine(
            Invariant(
                $"bench: seeded {size.Users:N0} users in {size.Groups} groups and a busy group of {size.BusyMembers} by SQL in {clock.Elapsed.TotalSeconds:F0} s"
            )
        );

        var actors = new List<Actor>();
        // The first member of the first groups; every member of the busy group.
        foreach (
            var (workload, where) in new[]
            {
                ("many", $"g.name LIKE 'bench-{nonce} group %' AND m.role = 'Owner'"),
                ("busy", $"g.name = 'bench-{nonce} busy'"),
            }
        )
        {
            var rows = Query(
                services,
                $"""
                SELECT u.email, u.id, g.id,
                  (SELECT string_agg(o.user_id::text, ',') FROM memberships o WHERE o.group_id = g.id),
                  (SELECT string_agg(x.id::text, ',') FROM (SELECT e.id FROM expenses e WHERE e.group_id = g.id
                     ORDER BY e.date DESC LIMIT 8) x),
                  (SELECT string_agg(x.expense_id || '/' || x.id, ',') FROM (SELECT s.expense_id, s.id
                     FROM expense_splits s WHERE s.group_id = g.id AND s.user_id = u.id AND s.status = 'Unpaid'
                     ORDER BY s.owed_minor_units DESC LIMIT 8) x)
                FROM groups g JOIN memberships m ON m.group_id = g.id JOIN asp_net_users u ON u.id = m.user_id
                WHERE {where}
                ORDER BY g.name, u.email
                LIMIT {size.Sample}
                """
            );
            foreach (var line in rows.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var f = line.Split('|');
                actors.Add(
                    new Actor(
                        workload,
                        f[0],
                        f[1],
                        f[2],
                        f[3].Split(','),
                        f[4].Split(','),
                        f[5]
                            .Split(',', StringSplitOptions.RemoveEmptyEntries)
                            .Select(p => (p.Split('/')[0], p.Split('/')[1]))
                            .ToList()
                    )
                );
            }
        }

        var known = Query(
                services,
                $"SELECT email FROM asp_net_users WHERE email LIKE 'bench-{nonce}-%' ORDER BY email DESC LIMIT 400"
            )
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new Seeded(actors, demo.Password, known, nonce);
    }

    /// <summary>Signs every actor in to the API (four at a time): their access tokens, by email.</summary>
    public static async Task<Dictionary<string, string>> SignInAsync(
        string root,
        string url,
        Seeded world,
        IEnumerable<string> emails
    )
    {
        var tokens = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            emails.Distinct(),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (email, _) =>
                tokens[email] = await TokenTarget.SignInForBenchAsync(
                    root,
                    url,
                    email,
                    world.Password
                )
        );
        Console.WriteLine(
            Invariant(
                $"bench: signed {tokens.Count} users in at {url} in {clock.Elapsed.TotalSeconds:F0} s"
            )
        );
        return new Dictionary<string, string>(tokens);
    }

    /// <summary>The five request kinds of issue 14, on one workload, as each actor would send them.</summary>
    public static IEnumerable<Scenario> Scenarios(
        Seeded world,
        IReadOnlyDictionary<string, string> tokens,
        string workload,
        string label
    )
    {
        var actors = world.Actors.Where(a => a.Workload == workload).ToList();
        string Group(Actor a) => $"/api/v1/groups/{a.GroupId}";
        BenchRequest Get(Actor a, string path) => new(tokens[a.Email], path, null);
        yield return new Scenario(
            $"POST expense + Idempotency-Key ({label})",
            $"create-{workload}",
            "POST",
            actors
                .Select(a => new BenchRequest(
                    tokens[a.Email],
                    $"{Group(a)}/expenses",
                    JsonSerializer.Serialize(
                        new
                        {
                            description = "Bench groceries",
                            category = "groceries",
                            currency = "EUR",
                            total = "12.50",
                            date = "2026-03-01",
                            payers = new[] { new { userId = a.UserId, amount = "12.50" } },
                            split = new { type = "equal", members = a.Members },
                        }
                    )
                ))
                .ToList(),
            true
        );
        yield return new Scenario(
            $"GET balances ({label})",
            $"balances-{workload}",
            "GET",
            actors.Select(a => Get(a, $"{Group(a)}/balances")).ToList(),
            true
        );
        yield return new Scenario(
            $"GET expenses, first page ({label})",
            $"expenses-{workload}",
            "GET",
            actors.Select(a => Get(a, $"{Group(a)}/expenses")).ToList(),
            true
        );
        yield return new Scenario(
            $"GET one expense ({label})",
            $"expense-{workload}",
            "GET",
            Interleave(
                actors,
                a => a.Expenses.Select(e => Get(a, $"{Group(a)}/expenses/{e}")).ToList()
            ),
            true
        );
        // One cent at a time, by the split's own member: a split of several euros takes hundreds.
        yield return new Scenario(
            $"POST split payment ({label})",
            $"pay-{workload}",
            "POST",
            Interleave(
                actors,
                a =>
                    a.Splits.Select(s => new BenchRequest(
                            tokens[a.Email],
                            $"{Group(a)}/expenses/{s.Expense}/splits/{s.Split}/payments",
                            """{"amount":"0.01"}"""
                        ))
                        .ToList()
            ),
            true
        );
    }

    /// <summary>Each actor's first request, then each one's second...: consecutive requests come from different users.</summary>
    private static List<BenchRequest> Interleave(
        IReadOnlyList<Actor> actors,
        Func<Actor, IReadOnlyList<BenchRequest>> of
    )
    {
        var lists = actors.Select(of).ToList();
        var longest = lists.Count == 0 ? 0 : lists.Max(l => l.Count);
        return Enumerable
            .Range(0, longest)
            .SelectMany(i => lists.Where(l => i < l.Count).Select(l => l[i]))
            .ToList();
    }

    /// <summary>An INSERT … SELECT copying rows of <paramref name="table"/> (every column, read from the catalog) with some overridden.</summary>
    private static string Copy(
        ServiceState services,
        string table,
        string from,
        params (string Column, string Value)[] set
    )
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
        var values = columns.Select(c => set.FirstOrDefault(s => s.Column == c).Value ?? $"t.{c}");
        return $"INSERT INTO {table} ({string.Join(',', columns)}) SELECT {string.Join(',', values)} FROM {from};";
    }

    internal static string Query(ServiceState services, string sql)
    {
        var (code, output) = Shell.Capture(
            "psql",
            [
                "-h",
                "127.0.0.1",
                "-p",
                services.PostgresPort.ToString(CultureInfo.InvariantCulture),
                "-U",
                "ledger",
                "-d",
                Targets.DatabaseName,
                "-At",
                "-c",
                sql,
            ],
            environment: new Dictionary<string, string>
            {
                ["PGPASSWORD"] = services.PostgresPassword,
            }
        );
        return code == 0
            ? output.Trim()
            : throw new BuildException($"psql failed: {output.Trim()}");
    }

    private static string Invariant(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);
}
