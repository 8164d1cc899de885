using Ledger.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Ledger.Infrastructure.Scheduling;

/// <summary>
/// The one Quartz configuration that the worker and the API share: a persistent, clustered ADO
/// store in the application's PostgreSQL database with JSON serialization. Workers start their
/// scheduler; the API never does (docs/requirements.md A14) and only reads and edits the shared schedule.
/// </summary>
public static class LedgerScheduling
{
    public const string SchedulerName = "Ledger";

    /// <summary>The group every job of ours is stored in.</summary>
    public const string JobGroup = "ledger";

    /// <summary>The group of each job's recurring trigger, named after the job.</summary>
    public const string ScheduleGroup = "schedule";

    /// <summary>The group of the one-shot trigger an admin queues, named after the job.</summary>
    public const string ManualGroup = "manual";

    public static JobKey JobKeyOf(string jobName) => new(jobName, JobGroup);

    public static TriggerKey ScheduleTriggerOf(string jobName) => new(jobName, ScheduleGroup);

    public static TriggerKey ManualTriggerOf(string jobName) => new(jobName, ManualGroup);

    /// <summary>
    /// Registers the clustered scheduler. <paramref name="configure"/> adds what only the worker
    /// needs (thread pool, job types); the caller decides whether anything starts it.
    /// </summary>
    public static IServiceCollection AddLedgerScheduler(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IQuartzBuilder>? configure = null
    )
    {
        var connectionString =
            ConnectionSettings.Database(configuration)
            ?? throw new InvalidOperationException(
                "No database connection: set ConnectionStrings__Ledger or DATABASE_URL."
            );
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = SchedulerName);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering();
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = TablePrefix;
                    // Created by the migrator (QuartzSchema); a node only checks it is there.
                    options.SchemaProvisioning = SchemaProvisioning.Validate;
                });
            });
            configure?.Invoke(quartz);
        });
        services.AddSingleton<Application.Operations.IJobScheduler, QuartzJobScheduler>();
        return services;
    }

    private const string TablePrefix = QuartzSchema.TablePrefix;
}
