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

    private string ResultsDirectory => Path.Combine(root, ".local", "test-results");
    private string LogsDirectory => Path.Combine(root, ".local", "test-logs");

    public int Run(string? filter)
    {
        ResetDirectory(ResultsDirectory);
        ResetDirectory(LogsDirectory);

        var environment = new Dictionary<string, string>
        {
            ["LEDGER_TEST_POSTGRES"] = services.PostgresConnectionString("postgres"),
            ["LEDGER_TEST_REDIS"] = services.RedisConnectionString,
            ["LEDGER_TEST_POSTGRES_DATA"] = services.PostgresDataDirectory,
            ["LEDGER_TEST_LOGS"] = LogsDirectory,
            ["LEDGER_TEST_CHROMIUM"] = Packages.Chromium,
            ["LEDGER_ROOT"] = root,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };

        // The client-contract tests (WebApi.IntegrationTests/OpenApi) run these npm tools.
        ClientContract.Prepare(root);

        var buildFailed = false;
        foreach (var project in Projects.Where(p => Directory.Exists(Path.Combine(root, p))))
        {
            var name = Path.GetFileName(project);
            string[] arguments =
            [
                "test",
                project,
                "--no-build",
                "-c",
                "Release",
                "--logger",
                $"trx;LogFileName={name}.trx",
                "--results-directory",
                ResultsDirectory,
                .. filter is null ? Array.Empty<string>() : ["--filter", filter],
            ];
            var code = Shell.Run("dotnet", arguments, root, environment);
            if (code != 0 && !File.Exists(Path.Combine(ResultsDirectory, $"{name}.trx")))
            {
                Console.WriteLine(
                    $"{project}: the test host did not report results (exit {code})."
                );
                buildFailed = true;
            }
        }

        var (passed, failed, skipped) = Count();
        if (buildFailed)
        {
            failed++;
        }

        Console.WriteLine();
        Console.WriteLine(
            skipped > 0
                ? $"{passed} passed, {failed} failed, {skipped} skipped"
                : $"{passed} passed, {failed} failed"
        );
        return failed == 0 && passed > 0 ? 0 : 1;
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
