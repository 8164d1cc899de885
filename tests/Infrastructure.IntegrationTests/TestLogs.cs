using Ledger.TestSupport;

namespace Ledger.Infrastructure.IntegrationTests;

/// <summary>One log file for every app this project starts, read later by the log scan.</summary>
[SetUpFixture]
public sealed class TestLogs
{
    private static FileLoggerProvider? _file;

    public static FileLoggerProvider File =>
        _file ?? throw new InvalidOperationException("Not set up.");

    [OneTimeSetUp]
    public void Open() => _file = new FileLoggerProvider("infrastructure.log");

    [OneTimeTearDown]
    public void Close() => _file?.Dispose();
}
