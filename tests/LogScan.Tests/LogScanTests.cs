using AwesomeAssertions;
using Ledger.TestSupport;

namespace Ledger.LogScan.Tests;

/// <summary>
/// R7 and audit 003 #9: after every other test project has run (the build tool runs this one
/// last), no line any of them logged may contain an email, name, typed text or password. The
/// tests make all such data recognisable (see <see cref="Pii"/>).
/// </summary>
public sealed class LogScanTests
{
    private static string[] LogFiles() =>
        Directory.Exists(TestEnvironment.LogsDirectory)
            ? Directory.GetFiles(
                TestEnvironment.LogsDirectory,
                "*.log",
                SearchOption.AllDirectories
            )
            : [];

    [Test]
    public void Should_have_logs_of_the_whole_run_to_scan()
    {
        var files = LogFiles();

        files.Should().NotBeEmpty("the other test projects write their logs before this one runs");
        files.Sum(f => File.ReadLines(f).Count()).Should().BeGreaterThan(0);
    }

    [Test]
    public void Should_find_no_personal_data_in_any_log_line()
    {
        var hits = LogFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(entry => PiiScanner.Find(entry.line) is not null)
            .Select(entry =>
                $"{Path.GetFileName(entry.file)}:{entry.index + 1}: {PiiScanner.Find(entry.line)}"
            )
            .Take(20)
            .ToList();

        hits.Should().BeEmpty("logs must carry ids, never emails, names, typed text or passwords");
    }

    [TestCase("Information Ledger: created user user-1@" + Pii.EmailDomain)]
    [TestCase("Information Ledger: group " + Pii.NameMarker + "Flat renamed")]
    [TestCase("Debug Ledger: |description=" + Pii.TextMarker + " groceries")]
    [TestCase("Warning Ledger: bad password " + Pii.PasswordMarker + "-abc")]
    public void Should_recognise_planted_personal_data(string line) =>
        PiiScanner.Find(line).Should().NotBeNull();

    [Test]
    public void Should_pass_a_line_of_ids_only() =>
        PiiScanner
            .Find(
                "Information Handled CreateGroup for user 0193a7b2-0000-7000-8000-000000000001: ok in 3.1 ms"
            )
            .Should()
            .BeNull();
}

internal static class PiiScanner
{
    public static string? Find(string line) =>
        Pii.Markers.FirstOrDefault(marker =>
            line.Contains(marker, StringComparison.OrdinalIgnoreCase)
        );
}
