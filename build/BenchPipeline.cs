using System.Globalization;
using System.Text;

namespace Ledger.Build;

/// <summary>
/// P5 (QUALITY.md): the mediator and its behaviours per request without I/O, measured with
/// BenchmarkDotNet (bench/Pipeline) in its short job, in process; its summary table copied into
/// docs/PERFORMANCE.md.
/// </summary>
internal static class BenchPipeline
{
    public static (string Section, string? Summary) Run(string root, bool tiny)
    {
        Console.WriteLine("bench: P5 mediator + behaviours (BenchmarkDotNet)...");
        Shell.RunOrFail(
            "dotnet",
            ["build", "bench/Pipeline", "-c", "Release", "--nologo", "-v", "q"],
            root
        );
        var artifacts = Path.Combine(root, ".local", "bench", "pipeline");
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }

        var (code, output) = Shell.Capture(
            "dotnet",
            [
                "bench/Pipeline/bin/Release/net10.0/Pipeline.dll",
                "--filter",
                "*",
                "--job",
                tiny ? "dry" : "short",
                "--inProcess",
                "--artifacts",
                artifacts,
            ],
            root
        );
        var report = Directory.Exists(Path.Combine(artifacts, "results"))
            ? Directory
                .EnumerateFiles(Path.Combine(artifacts, "results"), "*-report-github.md")
                .FirstOrDefault()
            : null;
        if (code != 0 || report is null)
        {
            throw new BuildException($"The pipeline benchmark failed:\n{output}");
        }

        var rows = File.ReadAllLines(report).Where(l => l.StartsWith('|')).ToList();
        var header = Cells(rows[0]);
        var mean = header.IndexOf("Mean");
        var allocated = header.IndexOf("Allocated");
        var summary = string.Join(
            "; ",
            rows.Skip(2)
                .Select(Cells)
                .Select(c =>
                    $"{c[0]}: {(mean >= 0 ? c[mean] : "?")}, {(allocated >= 0 ? c[allocated] : "?")} allocated"
                )
        );
        var text = new StringBuilder();
        text.AppendLine("## P5: mediator + behaviours per request, no I/O");
        text.AppendLine();
        text.AppendLine(
            Invariant(
                $"BenchmarkDotNet ({(tiny ? "dry" : "short")} job, in process), bench/Pipeline: `GET /api/v1/me`'s query sent through the Application's real registration (the generated mediator; logging, authorization and validation behaviours — a query passes no transaction, idempotency or over-settlement behaviour) in a fresh DI scope as the API makes one per request, every port a no-op stand-in; against the same handler called directly in a scope. Commands are not measured: their transaction behaviour opens a database transaction, which is I/O."
            )
        );
        text.AppendLine();
        foreach (var row in rows)
        {
            text.AppendLine(row);
        }

        return (text.ToString(), summary);
    }

    private static List<string> Cells(string row) =>
        row.Trim('|').Split('|').Select(c => c.Trim()).ToList();

    private static string Invariant(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);
}
