using Ledger.Application.Operations;
using Ledger.Domain.Operations;
using Ledger.Infrastructure;
using Ledger.Infrastructure.Persistence;
using Ledger.Infrastructure.Scheduling;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Ledger.Worker.IntegrationTests;

/// <summary>
/// The worker tests' database, and the two ways a test looks at the cluster: the job_runs
/// table, and the ops API's scheduler port (a scheduler that is never started).
/// </summary>
public sealed class WorkerTesting : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private WorkerTesting(TestDatabase database, ServiceProvider provider)
    {
        Database = database;
        _provider = provider;
    }

    public TestDatabase Database { get; }

    public IJobScheduler Ops => _provider.GetRequiredService<IJobScheduler>();

    public Task<IScheduler> SchedulerAsync() =>
        _provider.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask();

    /// <summary>
    /// A migrated database and a scheduler port on it. <paramref name="configureNode"/> makes the
    /// in-test scheduler a job-running node (a test starts it when it wants one).
    /// </summary>
    public static async Task<WorkerTesting> CreateAsync(
        string databaseName,
        Action<IQuartzBuilder>? configureNode = null
    )
    {
        var database = await TestDatabase.CreateMigratedAsync(databaseName);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["ConnectionStrings:Ledger"] = database.ConnectionString,
                }
            )
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
            logging
                .SetMinimumLevel(LogLevel.Debug)
                .AddProvider(new FileLoggerProvider("worker-tests.log"))
        );
        services.AddLedgerScheduler(configuration, configureNode);
        services.AddDbContext<ApplicationDbContext>(options =>
            DependencyInjection.ConfigureDbContext(options, database.ConnectionString)
        );
        return new WorkerTesting(database, services.BuildServiceProvider());
    }

    public async Task<List<JobRun>> RunsOfAsync(string jobName)
    {
        await using var scope = _provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db
            .JobRuns.AsNoTracking()
            .Where(r => r.JobName == jobName)
            .OrderBy(r => r.StartedAt)
            .ToListAsync();
    }

    /// <summary>Waits until a finished run of the job matches, and returns it.</summary>
    public async Task<JobRun> FinishedRunAsync(
        string jobName,
        Func<JobRun, bool> matches,
        TimeSpan timeout
    )
    {
        JobRun? found = null;
        var seen = await Eventually.HoldsAsync(
            async () =>
            {
                found = (await RunsOfAsync(jobName)).FirstOrDefault(r =>
                    r.FinishedAt is not null && matches(r)
                );
                return found is not null;
            },
            timeout
        );
        return seen && found is not null
            ? found
            : throw new TimeoutException($"No finished run of {jobName} appeared in {timeout}.");
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
