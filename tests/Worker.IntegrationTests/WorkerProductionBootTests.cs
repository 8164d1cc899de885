using AwesomeAssertions;

namespace Ledger.Worker.IntegrationTests;

/// <summary>R11 for the worker: in Production it refuses to start without a database, and says which setting is missing.</summary>
public sealed class WorkerProductionBootTests
{
    [Test]
    public async Task Should_refuse_to_start_in_production_without_a_database_and_name_the_setting()
    {
        await using var worker = WorkerProcess.Start(
            databaseConnectionString: null,
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" }
        );

        await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));

        worker.ExitCode.Should().NotBe(0);
        worker
            .Output.Should()
            .Contain(line =>
                line.Contains("ConnectionStrings__Ledger or DATABASE_URL", StringComparison.Ordinal)
            );
        worker
            .Output.Should()
            .NotContain(line => line.Contains("Application started", StringComparison.Ordinal));
    }
}
