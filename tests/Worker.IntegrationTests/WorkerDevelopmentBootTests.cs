using AwesomeAssertions;
using Ledger.TestSupport;

namespace Ledger.Worker.IntegrationTests;

/// <summary>
/// The worker as <c>./build.sh run</c> starts it: in Development, where the host validates every
/// registration on build (<c>ValidateOnBuild</c>, <c>ValidateScopes</c>), so a handler whose
/// dependency is not registered stops it at start. The other worker tests run in Testing, which
/// does not validate: without this one, such a gap passes the suite and breaks the local run.
/// </summary>
public sealed class WorkerDevelopmentBootTests
{
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Should_pass_dependency_validation_in_development_and_stop_cleanly()
    {
        // The worker tests' database (already there and migrated when WorkerHostTests ran first).
        var database = await TestDatabase.CreateMigratedAsync("worker");
        await using var worker = WorkerProcess.Start(
            database.ConnectionString,
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Development" }
        );

        await worker.WaitForOutputAsync("Application started", Boot);
        // Every hosted service is running (the relay finished a round) before the stop.
        await worker.WaitForOutputAsync("Handled DeliverWebhooks", Boot);
        await worker.StopAsync(TimeSpan.FromSeconds(50));

        worker.ExitCode.Should().Be(0);
        worker
            .Output.Should()
            .Contain(line =>
                line.Contains("Hosting environment: Development", StringComparison.Ordinal)
            );
        worker
            .Output.Should()
            .NotContain(line =>
                line.Contains("Unable to resolve service", StringComparison.Ordinal)
                || line.Contains(
                    "Some services are not able to be constructed",
                    StringComparison.Ordinal
                )
            );
    }
}
