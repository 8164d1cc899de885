using AwesomeAssertions;
using Ledger.TestSupport;

namespace Ledger.Worker.IntegrationTests;

/// <summary>The worker is its own process, starts against real services and stops cleanly on SIGTERM.</summary>
public sealed class WorkerHostTests
{
    private static TestDatabase? _database;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() =>
        _database = await TestDatabase.CreateMigratedAsync("worker");

    [Test]
    public async Task Should_start_as_a_separate_process_and_shut_down_gracefully()
    {
        await using var worker = WorkerProcess.Start(_database!.ConnectionString);

        await worker.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(60));
        await worker.StopAsync(TimeSpan.FromSeconds(30));

        worker.HasExited.Should().BeTrue();
        worker.ExitCode.Should().Be(0);
        worker
            .Output.Should()
            .Contain(line =>
                line.Contains("Application is shutting down", StringComparison.Ordinal)
            );
    }
}
