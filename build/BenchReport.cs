using System.Globalization;
using System.Text;

namespace Ledger.Build;

/// <summary>Writes the bench's table to docs/PERFORMANCE.md (and returns it for the console).</summary>
internal static class BenchReport
{
    public static string Write(
        string root,
        IReadOnlyList<ModeRun> runs,
        IReadOnlyDictionary<string, Measurement> floors,
        IReadOnlyDictionary<string, Measurement> replays,
        IReadOnlyList<string> sections,
        string goals,
        int seconds,
        int warmup,
        bool tiny,
        System.Diagnostics.Stopwatch wall
    )
    {
        var before = runs[0];
        var after = runs[^1];
        var text = new StringBuilder();
        text.AppendLine("# Performance");
        text.AppendLine();
        text.AppendLine(
            "Written by `./build.sh bench` (build/Bench*.cs) in one run; nothing here is typed by hand except"
        );
        text.AppendLine(
            "the last column of the goals table (bench/NOTES.md). Figures are only comparable within one run. Read the ratios."
        );
        text.AppendLine();
        text.AppendLine(
            Invariant(
                $"- When: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; commit `{Commit(root)}`{(tiny ? " — **tiny run, not a measurement**" : string.Empty)}"
            )
        );
        text.AppendLine(
            Invariant(
                $"- Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGb():F0} GB; load average (1, 5, 15 min) when the run started {Bench.LoadAtStart}, when it ended {LoadAverage()}; the whole run took {wall.Elapsed.TotalMinutes:F1} min"
            )
        );
        var size = BenchWorld.For(tiny);
        text.AppendLine(
            Invariant(
                $"- Data: seeded by SQL (build/BenchWorld.cs): {size.Users:N0} users in {size.Groups} groups of 2–6 members, {size.ExpensesPerGroup} equal expenses a group over a year; one busy group of {size.BusyMembers} members with {size.BusyExpenses:N0} expenses; balances the sums of what was seeded. *many groups*: {size.Sample} users signed in, each the owner of their own group, requests going round them; *one busy group*: every member of the busy group signed in, all on that group. Splits are paid a cent at a time by their own member."
            )
        );
        text.AppendLine(
            Invariant(
                $"- Load: `wrk -t2 -c16 -d{seconds}s --latency -s bench/wrk/ledger.lua` after a {warmup} s warm-up, the script sending the scenario's requests (.local/bench/wrk-*.tsv: one user's token, path and body a line) in turn; the API is `Ledger.WebApi.dll` in Release (*before* as `dotnet build` leaves it, *after* as `dotnet publish -r linux-x64` leaves it: ReadyToRun), Development environment with logging at Warning and every rate limit raised to 10⁹ through `RateLimiting:Policies:*:PermitLimit`. Both APIs run side by side, and each request is measured before, after and on the floor back to back, so that the machine's noise falls on all three alike."
            )
        );
        text.AppendLine(
            "- **before**: this branch's improvements turned off by configuration (`Sessions:CacheSeconds=0`, `No Reset On Close=false`, `DOTNET_gcServer=1`, `DOTNET_gcConcurrent=1`, `DOTNET_GCHeapHardLimit=0`), i.e. authentication, pooling and GC as on main; the balance upsert's move to the end of the transaction is in both columns. **after**: as shipped."
        );
        text.AppendLine(
            Invariant(
                $"- **floor** (issue 14: \"a bare endpoint doing the same SQL work with raw Npgsql and no framework\"): `bench/Floor` published like the API (`ledger-floor.dll serve`), its own process and port: Kestrel with one terminal request delegate — no routing, authentication, MVC, logging or other middleware — that for every request replays the statements the *after* API sent for one such request (captured with `log_statement=all` between two markers, `DISCARD ALL` left out), each statement its own round trip on Npgsql's pool, new ids fresh on every replay, and answers 200 with a 3-byte body. It is driven by the same wrk command and script as the API (it ignores the token, path and body). **Ratio = API requests/s ÷ floor endpoint requests/s**; the goals table judges against this floor. *raw SQL replay* (informational, stricter than the issue asks): the same statements replayed by `bench/Floor` on 16 pooled connections with no HTTP at all."
            )
        );
        text.AppendLine();
        text.AppendLine(
            "| request | before rps | before p50 / p99 ms | before CPU ms/req | after rps | after p50 / p99 ms | after CPU ms/req | floor endpoint rps | floor p50 / p99 ms | floor CPU ms/req | raw SQL replay tps | ratio before | ratio after |"
        );
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var scenario in after.Scenarios)
        {
            var b = before.Results.GetValueOrDefault(scenario.Name);
            var a = after.Results.GetValueOrDefault(scenario.Name);
            var floor = floors.GetValueOrDefault(scenario.Key);
            var replay = replays.GetValueOrDefault(scenario.Key);
            text.AppendLine(
                Invariant(
                    $"| {scenario.Name} | {Rps(b)} | {Latencies(b)} | {Cpu(b)} | {Rps(a)} | {Latencies(a)} | {Cpu(a)} | {Rps(floor)} | {Latencies(floor)} | {Cpu(floor)} | {Rps(replay)} | {Ratio(b, floor)} | {Ratio(a, floor)} |"
                )
            );
        }

        text.AppendLine();
        text.AppendLine("| footprint | before | after | goal |");
        text.AppendLine("|---|---|---|---|");
        text.AppendLine(
            Invariant(
                $"| time to ready (process start → first 200 of /health/ready), median of {after.ReadySeconds.Count} starts (all) | {Median(before.ReadySeconds):F2} s ({All(before.ReadySeconds)}) | {Median(after.ReadySeconds):F2} s ({All(after.ReadySeconds)}) | ≤ 3 s |"
            )
        );
        text.AppendLine(
            Invariant(
                $"| RSS idle after start | {before.RssIdleMb:F0} MB | {after.RssIdleMb:F0} MB | |"
            )
        );
        text.AppendLine(
            Invariant(
                $"| RSS after the load / peak | {before.RssMb:F0} / {before.RssPeakMb:F0} MB | {after.RssMb:F0} / {after.RssPeakMb:F0} MB | ≤ 250 MB |"
            )
        );
        foreach (var section in sections)
        {
            text.AppendLine();
            text.Append(section);
        }

        text.AppendLine();
        text.Append(goals);
        text.AppendLine();
        text.AppendLine("## Commands");
        text.AppendLine();
        text.AppendLine(
            "This report, in one run (it provisions, builds, seeds, starts and stops everything itself):"
        );
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine(tiny ? "./build.sh bench --tiny" : "./build.sh bench");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(
            "Parts alone: `./build.sh bench --only recurring [--templates N]` (P3 without the time limit), `./build.sh bench-relay`, `dotnet run -c Release --project bench/Pipeline -- --filter '*'` (P5, BenchmarkDotNet's default job). Each load step is `wrk -t2 -c16 -d5s --latency -s bench/wrk/ledger.lua URL` with `BENCH_REQUESTS=.local/bench/wrk-KEY.tsv`; each floor endpoint `dotnet .local/bench/floor/ledger-floor.dll serve 'CONNECTION' .local/bench/KEY.json http://127.0.0.1:PORT` under the same wrk command; each raw replay `dotnet .local/bench/floor/ledger-floor.dll 'CONNECTION' .local/bench/KEY.json 16 5 2`. The shipped API alone on some scenarios, with the RSS and time to ready printed (no report written): `./build.sh bench --only api [--tiny] [--scenarios me,balances-many] [--env NAME=VALUE] [--extras]`."
        );

        var report = text.ToString();
        File.WriteAllText(Path.Combine(root, "docs", "PERFORMANCE.md"), report);
        return report;
    }

    private static double Median(IReadOnlyList<double> values) =>
        values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

    private static string All(IReadOnlyList<double> values) =>
        string.Join(", ", values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));

    private static string Rps(Measurement? m) =>
        m is null ? "–" : Invariant($"{m.RequestsPerSecond:N0}{Errors(m)}");

    private static string Errors(Measurement m) =>
        m.Errors == 0
            ? string.Empty
            : Invariant(
                $" ({m.Errors} errors{(m.Failures.Length > 0 ? $": {m.Failures}" : string.Empty)})"
            );

    private static string Latencies(Measurement? m) =>
        m is null ? "–" : Invariant($"{m.P50Ms:F1} / {m.P99Ms:F1}");

    private static string Cpu(Measurement? m) =>
        m is null ? "–" : Invariant($"{m.CpuMsPerRequest:F2}");

    private static string Ratio(Measurement? m, Measurement? floor) =>
        m is null || floor is null || floor.RequestsPerSecond == 0
            ? "–"
            : Invariant($"{m.RequestsPerSecond / floor.RequestsPerSecond:F2}");

    private static string Commit(string root)
    {
        var (_, output) = Shell.Capture("git", ["rev-parse", "--short", "HEAD"], root);
        var (_, dirty) = Shell.Capture(
            "git",
            ["status", "--porcelain", "--untracked-files=no"],
            root
        );
        return output.Trim() + (string.IsNullOrWhiteSpace(dirty) ? string.Empty : "+changes");
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':', 2)[1]
                .Trim()
                ?? "unknown CPU"
            : "unknown CPU";

    private static double MemoryGb() =>
        File.Exists("/proc/meminfo")
            ? double.Parse(
                File.ReadLines("/proc/meminfo")
                    .First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                CultureInfo.InvariantCulture
            )
                / 1024
                / 1024
            : double.NaN;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
            : "unknown";

    private static string Invariant(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);
}
