using Ledger.Application;
using Ledger.Application.Common.Interfaces;
using Ledger.Infrastructure;
using Ledger.Infrastructure.Observability;
using Ledger.Infrastructure.Scheduling;
using Ledger.Worker;
using Ledger.Worker.Hosting;
using Ledger.Worker.Jobs;
using Quartz;

// The worker host: scheduled commands run here, never in the web process (docs/requirements.md A14).
// It is one node of a Quartz cluster on the application's PostgreSQL; run as many as needed.
var builder = Host.CreateApplicationBuilder(args);

// JSON logs outside Development; traces and metrics when an OTLP endpoint is set (ADR 0045).
// Quartz's spans and meter are the worker's own: the API never starts a scheduler (ADR 0081).
builder
    .AddLedgerLogging()
    .AddLedgerTelemetry(
        "ledger-worker",
        tracing => tracing.AddSource(Quartz.Diagnostics.QuartzInstrumentation.ActivitySourceName),
        metrics => metrics.AddMeter(Quartz.Diagnostics.QuartzInstrumentation.MeterName)
    );

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddSingleton<ICurrentPrincipal, SystemPrincipal>();

// The orphaned-receipt purge must look at the directory the API writes, never a default one
// (checked after AddInfrastructure, whose database check names its own setting).
if (
    builder.Environment.IsProduction()
    && string.IsNullOrWhiteSpace(builder.Configuration["Storage:ReceiptsRoot"])
)
{
    throw new InvalidOperationException(
        "Refusing to start in Production without: Storage:ReceiptsRoot (the receipts directory the API writes)."
    );
}

var settings =
    builder.Configuration.GetSection(WorkerSettings.SectionName).Get<WorkerSettings>()
    ?? new WorkerSettings();
builder.Services.Configure<WorkerSettings>(
    builder.Configuration.GetSection(WorkerSettings.SectionName)
);
builder.Services.AddLedgerScheduler(
    builder.Configuration,
    quartz =>
    {
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.IdleWaitTime = settings.IdleWait;
            // On shutdown running jobs are asked to stop (their budget token is cancelled) and
            // waited for, so each ends and records its outcome before the process exits.
            scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
        });
        quartz.UseDefaultThreadPool(settings.Threads);
        // Overrides of the cluster check-in the shared store configuration turned on.
        quartz.ConfigureOptions<ClusteringOptions>(cluster =>
        {
            cluster.CheckinInterval = settings.ClusterCheckinInterval ?? cluster.CheckinInterval;
            cluster.CheckinMisfireThreshold =
                settings.ClusterCheckinMisfireThreshold ?? cluster.CheckinMisfireThreshold;
        });
        JobTypes.Register(quartz);
    }
);

// Registered before Quartz's hosted service, so the schedule is stored before it starts.
builder.Services.AddHostedService<ScheduleRegistrar>();
builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);

// The webhook relay runs all the time beside the scheduler (ADR 0032).
builder.Services.AddHostedService<Ledger.Worker.Relay.WebhookRelayService>();
builder.Services.Configure<HostOptions>(options =>
    options.ShutdownTimeout = TimeSpan.FromSeconds(45)
);

using var host = builder.Build();
await host.RunAsync();
