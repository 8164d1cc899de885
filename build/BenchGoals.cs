using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ledger.Build;

/// <summary>What one bench run measured that the goals of issue 14 (and 16) are judged by; null: not measured.</summary>
internal sealed record BenchFacts
{
    public double? BalancesRatio { get; init; }
    public double? CreateRatio { get; init; }
    public double? MeRatio { get; init; }
    public double? HealthTokenRps { get; init; }
    public double? HealthRps { get; init; }

    /// <summary>Statements of one GET /api/v1/me that read OpenIddict's or Identity's tables.</summary>
    public int? AuthStatementsPerRequest { get; init; }

    public int? DiscardAllStatements { get; init; }

    /// <summary>Create-expense (many groups): statements, and how many came after the balance upsert before COMMIT.</summary>
    public int? CreateStatements { get; init; }
    public int? StatementsAfterBalanceUpsert { get; init; }
    public double? ReadySeconds { get; init; }
    public double? RssPeakMb { get; init; }
    public double? P2Ratio { get; init; }
    public double? RedisPerRequest { get; init; }
    public RecurringResult? Recurring { get; init; }
    public double? RelayPerSecond { get; init; }
    public IReadOnlyList<BenchAccount.Timing> AccountTimings { get; init; } = [];
    public string? Pipeline { get; init; }
}

/// <summary>
/// The "Goals and where they stand" table of docs/PERFORMANCE.md, computed from one run's
/// figures: each goal's target, the figure, met or missed by how much. The hand-written part
/// (what was tried, why) comes from bench/NOTES.md: one "## key" section per goal, its text
/// put in the row's last column.
/// </summary>
internal static partial class BenchGoals
{
    public static string Table(string root, BenchFacts f)
    {
        var notes = Notes(root);
        var text = new StringBuilder();
        text.AppendLine("## Goals (issue 14) and where they stand");
        text.AppendLine();
        text.AppendLine(
            "Computed by the bench from the figures above (build/BenchGoals.cs); the last column is bench/NOTES.md."
        );
        text.AppendLine();
        text.AppendLine("| goal | target | this run | status | what was tried |");
        text.AppendLine("|---|---|---|---|---|");
        void Row(string key, string goal, string target, string measured, string status) =>
            text.AppendLine(
                $"| {goal} | {target} | {measured} | {status} | {notes.GetValueOrDefault(key, "")} |"
            );

        Row(
            "balances-floor",
            "GET balances vs the floor endpoint (many groups)",
            "≥ 0.80×",
            F(f.BalancesRatio, "0.00", "×"),
            AtLeast(f.BalancesRatio, 0.8, "×")
        );
        Row(
            "create-floor",
            "POST expense vs the floor endpoint (many groups)",
            "≥ 0.60×",
            F(f.CreateRatio, "0.00", "×"),
            AtLeast(f.CreateRatio, 0.6, "×")
        );
        Row(
            "me-anonymous",
            "GET /api/v1/me vs an anonymous endpoint doing the same query",
            "≥ 0.80×",
            $"{F(f.MeRatio, "0.00", "×")} of the floor endpoint serving `/me`'s captured SQL to anonymous callers (the anonymous endpoint doing the same query)",
            AtLeast(f.MeRatio, 0.8, "×")
        );
        Row(
            "auth-no-db",
            "authentication without per-request database work; none on anonymous endpoints",
            "0 statements; /health with a token as fast as without",
            f.AuthStatementsPerRequest is null
                ? "not measured"
                : Invariant(
                    $"{f.AuthStatementsPerRequest} statements on token/user tables per authenticated GET balances (its own work reads neither); /health with a token {F(f.HealthTokenRps, "N0", " rps")} vs {F(f.HealthRps, "N0", " rps")} without"
                ),
            f.AuthStatementsPerRequest switch
            {
                null => "**not measured**",
                0 when f.HealthTokenRps >= 0.8 * f.HealthRps => "**met**",
                0 => Invariant(
                    $"**partly**: no database work, but /health with a token runs at {f.HealthTokenRps / f.HealthRps:P0} of /health without"
                ),
                var n => Invariant($"**missed**: {n} statements per request"),
            }
        );
        Row(
            "discard-all",
            "no `DISCARD ALL` round trip per command",
            "0",
            f.DiscardAllStatements is null
                ? "not measured"
                : Invariant($"{f.DiscardAllStatements} in the captured requests of every scenario"),
            f.DiscardAllStatements switch
            {
                null => "**not measured**",
                0 => "**met**",
                var n => Invariant($"**missed**: {n}"),
            }
        );
        Row(
            "write-path",
            "write path: balance rows locked last, fewer round trips",
            "the balance upsert is the last statement before COMMIT",
            f.CreateStatements is null
                ? "not measured"
                : Invariant(
                    $"POST expense (many groups): {f.CreateStatements} statements; {f.StatementsAfterBalanceUpsert} after the balance upsert before COMMIT"
                ),
            f.StatementsAfterBalanceUpsert switch
            {
                null => "**not measured**",
                0 => "**met** (last); round trips: see the count",
                var n => Invariant($"**missed**: {n} statements after it"),
            }
        );
        Row(
            "recurring",
            "recurring generation (P3), two workers, exactly once",
            "≥ 5,000 occurrences/s",
            f.Recurring is null
                ? "not measured"
                : Invariant(
                    $"{f.Recurring.PerSecond:N0}/s ({f.Recurring.Occurrences:N0} of {f.Recurring.Templates:N0}{(f.Recurring.Finished ? "" : ", stopped at the bench's time limit")}); exactly once: {(f.Recurring.ExactlyOnce ? "ok" : "FAILED")}"
                ),
            f.Recurring is null ? "**not measured**"
                : !f.Recurring.ExactlyOnce ? "**missed**: not exactly once"
                : AtLeast(f.Recurring.PerSecond, 5000, "/s")
        );
        Row(
            "ready",
            "time to ready (P4)",
            "≤ 3 s",
            F(f.ReadySeconds, "0.00", " s"),
            AtMost(f.ReadySeconds, 3, " s")
        );
        Row(
            "rss",
            "RSS under sustained load (P4)",
            "≤ 250 MB",
            $"{F(f.RssPeakMb, "N0", " MB")} peak over the whole run",
            AtMost(f.RssPeakMb, 250, " MB")
        );
        Row(
            "p2",
            "P2: balances at 1,000,000 expenses vs 1,000 (p50)",
            "≤ 1.2×",
            F(f.P2Ratio, "0.00", "×"),
            AtMost(f.P2Ratio, 1.2, "×")
        );
        Row(
            "p6",
            "P6: Redis round trips per rate-limited request",
            "≤ 1",
            F(f.RedisPerRequest, "0.00", ""),
            AtMost(f.RedisPerRequest, 1, "")
        );
        Row(
            "p5",
            "P5: mediator + behaviours per request, no I/O",
            "measured (no target)",
            f.Pipeline ?? "not measured",
            f.Pipeline is null ? "**not measured**" : "measured"
        );
        Row(
            "relay",
            "webhook relay, two workers (issue 16)",
            "≥ 1,000 events/s",
            F(f.RelayPerSecond, "N0", " events/s"),
            AtLeast(f.RelayPerSecond, 1000, " events/s")
        );
        foreach (var t in f.AccountTimings)
        {
            var difference = t.Known.Median - t.Unknown.Median;
            var limit = Math.Max(1, 0.1 * t.Unknown.Median);
            Row(
                "known-unknown",
                $"{t.Request}: same time for a known and an unknown address (issue 16.7)",
                "medians within 10% (at least 1 ms)",
                Invariant(
                    $"known {t.Known.Median:F2} ms, unknown {t.Unknown.Median:F2} ms (median of {t.Known.Count})"
                ),
                Math.Abs(difference) <= limit
                    ? "**met**"
                    : Invariant($"**missed** by {Math.Abs(difference) - limit:F2} ms")
            );
        }

        return text.ToString();
    }

    private static string AtLeast(double? value, double goal, string unit) =>
        value switch
        {
            null or double.NaN => "**not measured**",
            var v when v >= goal => "**met**",
            var v => Invariant(
                $"**missed** by {Number(goal - v.Value, goal)}{unit} ({v / goal:P0} of the goal)"
            ),
        };

    private static string AtMost(double? value, double goal, string unit) =>
        value switch
        {
            null or double.NaN => "**not measured**",
            var v when v <= goal => "**met**",
            var v => Invariant(
                $"**missed** by {Number(v.Value - goal, goal)}{unit} ({v / goal:P0} of the limit)"
            ),
        };

    private static string Number(double value, double scale) =>
        value.ToString(scale >= 100 ? "N0" : "0.00", CultureInfo.InvariantCulture);

    private static string F(double? value, string format, string unit) =>
        value is null || double.IsNaN(value.Value)
            ? "not measured"
            : value.Value.ToString(format, CultureInfo.InvariantCulture) + unit;

    /// <summary>bench/NOTES.md's "## key" sections, each as one line (a table cell).</summary>
    public static Dictionary<string, string> Notes(string root)
    {
        var file = Path.Combine(root, "bench", "NOTES.md");
        var notes = new Dictionary<string, string>();
        if (!File.Exists(file))
        {
            return notes;
        }

        string? key = null;
        var body = new StringBuilder();
        void Flush()
        {
            if (key is not null)
            {
                notes[key] = Space().Replace(body.ToString(), " ").Trim().Replace("|", "\\|");
            }

            body.Clear();
        }

        foreach (var line in File.ReadLines(file))
        {
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                Flush();
                key = heading.Groups[1].Value;
            }
            else if (key is not null)
            {
                body.Append(line).Append(' ');
            }
        }

        Flush();
        return notes;
    }

    private static string Invariant(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^## ([a-z0-9-]+)\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
