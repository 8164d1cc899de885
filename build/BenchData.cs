using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Ledger.Build;

/// <summary>
/// The bench's measurements over bulk data: P2 (balances of a group with 1,000 expenses and of
/// one with 1,000,000, seeded by SQL), the API's memory while exporting the big group (issue 17),
/// and P6 (Redis round trips per rate-limited request). Each returns a section of PERFORMANCE.md.
/// </summary>
internal static class BenchData
{
    /// <summary>Seeds the two groups (owned by the first demo user, the second a member) by SQL.</summary>
    public static (string Small, string Big) Seed(
        ServiceState services,
        IReadOnlyList<string> userIds,
        bool tiny
    )
    {
        var small = Guid.NewGuid().ToString();
        var big = Guid.NewGuid().ToString();
        var clock = Stopwatch.StartNew();
        SeedGroup(services, small, "Bench P2 1k", 1_000, userIds[0], userIds[1]);
        SeedGroup(services, big, "Bench P2 big", tiny ? 2_000 : 1_000_000, userIds[0], userIds[1]);
        Console.WriteLine(
            Invariant($"bench: seeded the P2 groups by SQL in {clock.Elapsed.TotalSeconds:F0} s")
        );
        return (small, big);
    }

    public static int BigCount(bool tiny) => tiny ? 2_000 : 1_000_000;

    /// <summary>
    /// One group of two with <paramref name="count"/> equal expenses of 10.00 EUR paid by
    /// <paramref name="payer"/>, and the balances they add up to, in one transaction.
    /// </summary>
    private static void SeedGroup(
        ServiceState services,
        string group,
        string name,
        int count,
        string payer,
        string other
    ) =>
        Bench.PsqlScript(
            services,
            $"""
            SET synchronous_commit = off;
            BEGIN;
            INSERT INTO groups (id, name, default_currency, time_zone_id, status, version, created_at)
            VALUES ('{group}', '{name}', 'EUR', 'Europe/Berlin', 'Active', 1, now());
            INSERT INTO memberships (id, group_id, user_id, role, joined_at, removed) VALUES
              (gen_random_uuid(), '{group}', '{payer}', 'Owner', now(), false),
              (gen_random_uuid(), '{group}', '{other}', 'Member', now(), false);
            CREATE TEMP TABLE bench_ids ON COMMIT DROP AS
              SELECT gen_random_uuid() AS id, g FROM generate_series(1, {count}) AS g;
            INSERT INTO expenses (id, group_id, description, category, date, currency,
              total_minor_units, split_type, created_by_user_id, created_at, version)
            SELECT id, '{group}', 'Bench expense ' || g, 'Household',
              date '2025-12-01' + (g % 365), 'EUR', 1000, 'Equal', '{payer}', now(), 1
            FROM bench_ids;
            INSERT INTO expense_payers (expense_id, group_id, user_id, paid_minor_units)
            SELECT id, '{group}', '{payer}', 1000 FROM bench_ids;
            INSERT INTO expense_splits (id, group_id, expense_id, user_id, currency,
              owed_minor_units, covered_by_own_payment_minor_units, settled_minor_units, status)
            SELECT gen_random_uuid(), '{group}'::uuid, id, '{payer}'::uuid, 'EUR', 500, 500, 500, 'Paid'
            FROM bench_ids
            UNION ALL
            SELECT gen_random_uuid(), '{group}'::uuid, id, '{other}'::uuid, 'EUR', 500, 0, 0, 'Unpaid'
            FROM bench_ids;
            INSERT INTO member_balances (group_id, user_id, currency, net_minor_units) VALUES
              ('{group}', '{payer}', 'EUR', {500L * count}),
              ('{group}', '{other}', 'EUR', {-500L * count});
            COMMIT;
            VACUUM (ANALYZE) expenses, expense_payers, expense_splits;
            CHECKPOINT;
            """
        );

    /// <summary>P2: the balances of the small and the big group under the same load.</summary>
    public static (string Section, double Ratio) Balances(
        string root,
        StartedApi api,
        string small,
        string big,
        int seconds,
        bool tiny
    )
    {
        Measurement Run(string group)
        {
            Console.WriteLine($"bench: P2 balances of {group}...");
            // The first many-groups actor owns both P2 groups (BenchData.Seed).
            var balances = api.World.Scenarios.Single(s => s.Key == "balances-many");
            var scenario = balances with
            {
                Requests =
                [
                    new BenchRequest(
                        balances.Requests[0].Token,
                        $"/api/v1/groups/{group}/balances",
                        null
                    ),
                ],
            };
            return Bench.Measure(root, api, scenario, seconds, tiny ? 0 : 2);
        }

        var one = Run(small);
        var many = Run(big);
        var text = new StringBuilder();
        text.AppendLine("## P2: balances as history grows");
        text.AppendLine();
        text.AppendLine(
            Invariant(
                $"Two groups of two seeded by SQL (equal expenses of 10.00 EUR, their balances maintained), `GET .../balances` under the same wrk load ({seconds} s) on the *after* API:"
            )
        );
        text.AppendLine();
        text.AppendLine("| expenses in the group | rps | p50 / p99 ms |");
        text.AppendLine("|---|---|---|");
        text.AppendLine(
            Invariant($"| 1,000 | {one.RequestsPerSecond:N0} | {one.P50Ms:F1} / {one.P99Ms:F1} |")
        );
        text.AppendLine(
            Invariant(
                $"| {BigCount(tiny):N0} | {many.RequestsPerSecond:N0} | {many.P50Ms:F1} / {many.P99Ms:F1} |"
            )
        );
        text.AppendLine();
        text.AppendLine(
            Invariant(
                $"p50 at {BigCount(tiny):N0} ÷ p50 at 1,000 = **{many.P50Ms / one.P50Ms:F2}** (goal ≤ 1.2)."
            )
        );
        return (text.ToString(), many.P50Ms / one.P50Ms);
    }

    /// <summary>
    /// Issue 17: the API's resident memory, sampled every 50 ms, while a client downloads the big
    /// group's export in each format (read to the end, nothing kept).
    /// </summary>
    public static async Task<string> ExportAsync(StartedApi api, string group, bool tiny)
    {
        var text = new StringBuilder();
        text.AppendLine(
            Invariant($"## Export memory (issue 17): a group of {BigCount(tiny):N0} expenses")
        );
        text.AppendLine();
        text.AppendLine(
            "`GET /api/v1/groups/{id}/export?format=…` on the *after* API, the body read to the end by the bench; RSS sampled every 50 ms from /proc."
        );
        text.AppendLine();
        text.AppendLine("| format | bytes | seconds | RSS before | RSS peak during the export |");
        text.AppendLine("|---|---|---|---|---|");
        var token = api.World.Scenarios.Single(s => s.Key == "balances-many").Requests[0].Token;
        using var http = new HttpClient
        {
            BaseAddress = new Uri(api.Url),
            Timeout = TimeSpan.FromMinutes(30),
        };
        foreach (var format in new[] { "csv", "json" })
        {
            Console.WriteLine($"bench: export of the big group as {format}...");
            var before = Bench.Rss(api.Process.Id).Current;
            var peak = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Bench.Rss(api.Process.Id).Current);
                    await Task.Delay(50);
                }
            });
            var clock = Stopwatch.StartNew();
            long bytes = 0;
            using (
                var request = new HttpRequestMessage(
                    HttpMethod.Get,
                    $"/api/v1/groups/{group}/export?format={format}"
                )
            )
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(
                    request,
                    HttpCompletionOption.ResponseHeadersRead
                );
                if (!response.IsSuccessStatusCode)
                {
                    throw new BuildException(
                        $"The export answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}"
                    );
                }

                await using var body = await response.Content.ReadAsStreamAsync();
                var buffer = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    bytes += read;
                }
            }

            var seconds = clock.Elapsed.TotalSeconds;
            await sampling.CancelAsync();
            await sampler;
            text.AppendLine(
                Invariant(
                    $"| {format} | {bytes:N0} | {seconds:F1} | {before:F0} MB | {peak:F0} MB |"
                )
            );
        }

        return text.ToString();
    }

    /// <summary>
    /// P6: Redis round trips the API makes per rate-limited request (<c>GET /api/v1/me</c>,
    /// limited by the default policy), counted by Redis's slow log with a threshold of 0 around a
    /// short wrk run, leaving out the entries of the commands a script runs inside Redis (as
    /// `RoundTripTests` does; `INFO stats` total_commands_processed counts those too).
    /// </summary>
    public static (string Section, double PerRequest) RedisRoundTrips(
        string root,
        ServiceState services,
        StartedApi api,
        int seconds
    )
    {
        Console.WriteLine("bench: P6 Redis round trips per limited request...");
        var scenario = api.World.Scenarios.Single(s => s.Key == "me");
        var before = RedisCli(services, "CONFIG", "GET", "slowlog-*");
        RedisCli(services, "CONFIG", "SET", "slowlog-log-slower-than", "0");
        RedisCli(services, "CONFIG", "SET", "slowlog-max-len", "10000000");
        RedisCli(services, "SLOWLOG", "RESET");
        var measured = Bench.Measure(root, api, scenario, seconds, 0);
        // The RESET itself is the slow log's first entry. The commands a script runs are entries
        // too, made by the scripting engine's own client, whose address Redis shows as "?:0".
        var entries = long.Parse(
            RedisCli(services, "SLOWLOG", "LEN").Trim(),
            CultureInfo.InvariantCulture
        );
        var runByScripts = RedisCli(services, "SLOWLOG", "GET", "-1")
            .Split('\n')
            .Count(line => line.Trim() == "?:0");
        var roundTrips = entries - 1 - runByScripts;
        var settings = before.Split(
            '\n',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
        );
        for (var i = 0; i + 1 < settings.Length; i += 2)
        {
            RedisCli(services, "CONFIG", "SET", settings[i], settings[i + 1]);
        }

        RedisCli(services, "SLOWLOG", "RESET");
        var perRequest =
            measured.Requests == 0 ? double.NaN : (double)roundTrips / measured.Requests;
        var text = new StringBuilder();
        text.AppendLine("## P6: Redis round trips per rate-limited request");
        text.AppendLine();
        text.AppendLine(
            Invariant(
                $"`GET /api/v1/me` (default policy) for {seconds} s on the *after* API: {measured.Requests:N0} requests, {roundTrips:N0} commands sent to Redis (its slow log at a threshold of 0: one entry per command; the entries of the commands a script runs inside Redis, made by the scripting engine's client, are not round trips and are left out) = **{perRequest:F2} per request** (goal ≤ 1). The *before* API was idle meanwhile."
            )
        );
        return (text.ToString(), perRequest);
    }

    private static string RedisCli(ServiceState services, params string[] command)
    {
        var (code, output) = Shell.Capture(
            "redis-cli",
            [
                "-h",
                "127.0.0.1",
                "-p",
                services.RedisPort.ToString(CultureInfo.InvariantCulture),
                "--no-auth-warning",
                "-a",
                services.RedisPassword,
                .. command,
            ]
        );
        if (code != 0)
        {
            throw new BuildException($"redis-cli {command[0]} failed:\n{output}");
        }

        return output;
    }

    private static string Invariant(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);
}
