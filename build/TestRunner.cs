using System.Xml.Linq;

namespace Ledger.Build;

/// <summary>
/// Runs every test project against the local services and prints the one closing line CI reads:
/// <c>N passed, N failed</c> (and <c>, N skipped</c> when some were).
/// </summary>
internal sealed class TestRunner(string root, ServiceState services)
{
    // The log scan reads the logs the others wrote, so it runs last.
    private static readonly string[] Projects =
    [
        "tests/Domain.UnitTests",
        "tests/Architecture.Tests",
        "tests/Application.FunctionalTests",
        "tests/WebApi.IntegrationTests",
        "tests/Worker.IntegrationTests",
        "tests/Infrastructure.IntegrationTests",
        "tests/LogScan.Tests",
    ];

    /// <summary>
    /// Stops and starts the run's PostgreSQL cluster: it runs alone, once the lanes are done.
    /// </summary>
    private const string Alone = "Reliability.PostgresOutageTests";

    private const string WebApi = "tests/WebApi.IntegrationTests";
    private const string LogScan = "tests/LogScan.Tests";

    private string ResultsDirectory => Path.Combine(root, ".local", "test-results");
    private string LogsDirectory => Path.Combine(root, ".local", "test-logs");

    /// <summary>
    /// The HTTP tests take as long as every other project together, and mostly wait (on
    /// processes booting, on the database, on conditions polled): they run in one lane, the other
    /// projects one after another in a second lane beside it (each project keeps its own
    /// database, log files and Redis key prefixes). The test that stops the shared PostgreSQL
    /// cluster runs on its own after both lanes, and the log scan last. Each lane's output is
    /// printed when its project ends, so the two never interleave.
    /// </summary>
    public int Run(string? filter)
    {
        ResetDirectory(ResultsDirectory);
        ResetDirectory(LogsDirectory);

        var environment = new Dictionary<string, string>
        {
            ["LEDGER_TEST_POSTGRES"] = services.PostgresConnectionString("postgres"),
            // Tests keep their Redis state (rate-limit windows above all) in a logical database
            // of their own: `./build.sh run` on the same services uses database 0, and a test
            // run must not leave its sign-in windows spent for the demo user who comes next.
            ["LEDGER_TEST_REDIS"] = services.RedisConnectionString + ",defaultDatabase=1",
            ["LEDGER_TEST_POSTGRES_DATA"] = services.PostgresDataDirectory,
            ["LEDGER_TEST_LOGS"] = LogsDirectory,
            ["LEDGER_TEST_CHROMIUM"] = Packages.Chromium,
            ["LEDGER_ROOT"] = root,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };

        var failures = 0;
        var output = new Lock();
        var lanes = new[]
        {
            Task.Run(() =>
            {
                // The client-contract tests (WebApi.IntegrationTests/OpenApi) run these npm
                // tools; installing them overlaps the other lane's first projects.
                ClientContract.Prepare(root);
                return RunProject(
                    WebApi,
                    Both(filter, $"FullyQualifiedName!~{Alone}"),
                    "WebApi.IntegrationTests",
                    environment,
                    output
                );
            }),
            Task.Run(() =>
                Projects
                    .Where(p => p is not WebApi and not LogScan)
                    .Sum(p => RunProject(p, filter, Path.GetFileName(p), environment, output))
            ),
        };
        failures += Task.WhenAll(lanes).GetAwaiter().GetResult().Sum();
        failures += RunProject(
            WebApi,
            Both(filter, $"FullyQualifiedName~{Alone}"),
            "WebApi.IntegrationTests.Alone",
            environment,
            output
        );
        failures += RunProject(LogScan, filter, "LogScan.Tests", environment, output);

        var (passed, failed, skipped) = Count();
        failed += failures;

        PrintSlowestFixtures(15);
        Console.WriteLine();
        Console.WriteLine(
            skipped > 0
                ? $"{passed} passed, {failed} failed, {skipped} skipped"
                : $"{passed} passed, {failed} failed"
        );
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    /// <summary>Runs one project's tests (its output printed at once when it ends); 1 when it reported no results, else 0.</summary>
    private int RunProject(
        string project,
        string? filter,
        string resultsName,
        Dictionary<string, string> environment,
        Lock output
    )
    {
        if (!Directory.Exists(Path.Combine(root, project)))
        {
            return 0;
        }

        string[] arguments =
        [
            "test",
            project,
            "--no-build",
            "-c",
            "Release",
            "--logger",
            $"trx;LogFileName={resultsName}.trx",
            "--results-directory",
            ResultsDirectory,
            .. filter is null ? Array.Empty<string>() : ["--filter", filter],
        ];
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (code, text) = Shell.Capture("dotnet", arguments, root, environment);
        lock (output)
        {
            Console.WriteLine($"== {resultsName} ({started.Elapsed.TotalSeconds:F0} s)");
            Console.Write(text);
            if (code != 0 && !File.Exists(Path.Combine(ResultsDirectory, $"{resultsName}.trx")))
            {
                Console.WriteLine(
                    $"{project}: the test host did not report results (exit {code})."
                );
                return 1;
            }
        }

        return 0;
    }

    private static string Both(string? filter, string condition) =>
        filter is null ? condition : $"({filter})&({condition})";

    /// <summary>
    /// Each fixture's share of the run: from the end of the test before it in its project to the
    /// end of its last test, so its one-time setup (and a project's start, for its first
    /// fixture) count.
    /// </summary>
    private void PrintSlowestFixtures(int count)
    {
        var fixtures = new List<(double Seconds, int Tests, string Name)>();
        foreach (
            var trx in Directory.EnumerateFiles(
                ResultsDirectory,
                "*.trx",
                SearchOption.AllDirectories
            )
        )
        {
            var document = XDocument.Load(trx);
            var classes = document
                .Descendants()
                .Where(e => e.Name.LocalName == "UnitTest")
                .ToDictionary(
                    e => (string)e.Attribute("id")!,
                    e =>
                        (string?)
                            e.Elements()
                                .FirstOrDefault(m => m.Name.LocalName == "TestMethod")
                                ?.Attribute("className")
                        ?? "?"
                );
            var times = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Times");
            var results = document
                .Descendants()
                .Where(e =>
                    e.Name.LocalName == "UnitTestResult"
                    && e.Attribute("startTime") is not null
                    && e.Attribute("endTime") is not null
                )
                .Select(e =>
                    (
                        Start: DateTimeOffset.Parse(
                            (string)e.Attribute("startTime")!,
                            System.Globalization.CultureInfo.InvariantCulture
                        ),
                        End: DateTimeOffset.Parse(
                            (string)e.Attribute("endTime")!,
                            System.Globalization.CultureInfo.InvariantCulture
                        ),
                        Class: classes.GetValueOrDefault((string)e.Attribute("testId")!, "?")
                    )
                )
                .OrderBy(r => r.Start)
                .ToList();
            if (results.Count == 0)
            {
                continue;
            }

            var previous = times?.Attribute("start") is { } start
                ? DateTimeOffset.Parse(
                    start.Value,
                    System.Globalization.CultureInfo.InvariantCulture
                )
                : results[0].Start;
            var shares = new Dictionary<string, (double Seconds, int Tests)>();
            foreach (var result in results)
            {
                var share = Math.Max(0, (result.End - previous).TotalSeconds);
                var (seconds, tests) = shares.GetValueOrDefault(result.Class);
                shares[result.Class] = (seconds + share, tests + 1);
                if (result.End > previous)
                {
                    previous = result.End;
                }
            }

            fixtures.AddRange(shares.Select(s => (s.Value.Seconds, s.Value.Tests, s.Key)));
        }

        if (fixtures.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"Slowest fixtures (seconds, tests, setup included):");
        foreach (
            var (seconds, tests, name) in fixtures.OrderByDescending(f => f.Seconds).Take(count)
        )
        {
            Console.WriteLine(
                $"{seconds, 7:F1} {tests, 4}  {name.Replace("Ledger.", "", StringComparison.Ordinal)}"
            );
        }
    }

    private (int Passed, int Failed, int Skipped) Count()
    {
        int passed = 0,
            failed = 0,
            skipped = 0;
        foreach (
            var trx in Directory.EnumerateFiles(
                ResultsDirectory,
                "*.trx",
                SearchOption.AllDirectories
            )
        )
        {
            var counters = XDocument
                .Load(trx)
                .Descendants()
                .FirstOrDefault(e => e.Name.LocalName == "Counters");
            if (counters is null)
            {
                continue;
            }

            int Read(string attribute) =>
                int.TryParse(counters.Attribute(attribute)?.Value, out var value) ? value : 0;
            passed += Read("passed");
            failed += Read("failed") + Read("error") + Read("timeout") + Read("aborted");
            skipped += Read("notExecuted") + Read("inconclusive");
        }

        return (passed, failed, skipped);
    }

    private static void ResetDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
    }
}
