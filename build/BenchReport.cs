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
        IReadOnlyList<string> sections,
        int seconds,
        int warmup,
        bool tiny
    )
    {
        var before = runs[0];
        var after = runs[^1];
        var text = new StringBuilder();
        text.AppendLine("# Performance");
        text.AppendLine();
        text.AppendLine(
            "Written by `./build.sh bench` (build/Bench.cs, build/BenchReport.cs). Figures are only"
        );
        text.AppendLine(
            "comparable within one run: the machine is shared and noisy. Read the ratios."
        );
        text.AppendLine();
        text.AppendLine(
            Invariant(
                $"- When: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; commit `{Commit(root)}`{(tiny ? " — **tiny run, not a measurement**" : string.Empty)}"
            )
        );
        text.AppendLine(
            Invariant(
                $"- Machine: {Environment.ProcessorCount} cores ({CpuModel()}), load average before the run {LoadAverage()}"
            )
        );
        text.AppendLine(
            Invariant(
                $"- Load: `wrk -t2 -c16 -d{seconds}s --latency -s bench/wrk/ledger.lua` after a {warmup} s warm-up, requests spread over the demo users' tokens; the API is `Ledger.WebApi.dll` in Release (*before* as `dotnet build` leaves it, *after* as `dotnet publish -r linux-x64` leaves it: ReadyToRun), Development environment with logging at Warning and every rate limit raised to 10⁹ through `RateLimiting:Policies:*:PermitLimit`. Both APIs run side by side, and each request is measured before, after and on the floor back to back, so that the machine's noise falls on all three alike."
            )
        );
        text.AppendLine(
            "- **before**: this branch's improvements turned off by configuration (`Sessions:CacheSeconds=0`, `No Reset On Close=false`, `DOTNET_gcServer=1`, `DOTNET_gcConcurrent=1`, `DOTNET_GCHeapHardLimit=0`), i.e. authentication, pooling and GC as on main; the balance upsert's move to the end of the transaction is in both columns. **after**: as shipped."
        );
        text.AppendLine(
            "- **floor**: the statements the *after* API sent for one such request (captured with `log_statement=all` between two markers, `DISCARD ALL` left out), replayed on 16 pooled raw-Npgsql connections by `bench/Floor`, each statement its own round trip, new ids fresh on every replay. Ratio = API requests/s ÷ floor replays/s."
        );
        text.AppendLine();
        text.AppendLine(
            "| request | before rps | before p50 / p99 ms | before CPU ms/req | after rps | after p50 / p99 ms | after CPU ms/req | floor tps | ratio before | ratio after |"
        );
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var scenario in after.Scenarios)
        {
            var b = before.Results.GetValueOrDefault(scenario.Name);
            var a = after.Results.GetValueOrDefault(scenario.Name);
            var floor = floors.GetValueOrDefault(scenario.Key);
            text.AppendLine(
                Invariant(
                    $"| {scenario.Name} | {Rps(b)} | {Latencies(b)} | {Cpu(b)} | {Rps(a)} | {Latencies(a)} | {Cpu(a)} | {(floor is null ? "–" : $"{floor.RequestsPerSecond:N0}{Errors(floor)}")} | {Ratio(b, floor)} | {Ratio(a, floor)} |"
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
        text.AppendLine("## Command");
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine(tiny ? "./build.sh bench --tiny" : "./build.sh bench");
        text.AppendLine("```");
        var notes = Path.Combine(root, "bench", "NOTES.md");
        if (File.Exists(notes))
        {
            text.AppendLine();
            text.Append(File.ReadAllText(notes));
        }

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

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
            : "unknown";

    private static string Invariant(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);
}
