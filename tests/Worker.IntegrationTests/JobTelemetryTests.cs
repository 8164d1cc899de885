using AwesomeAssertions;
using Ledger.Domain.Operations;
using Ledger.TestSupport;

namespace Ledger.Worker.IntegrationTests;

/// <summary>
/// Issue 19 point 4 for the worker: with an OTLP endpoint configured, a job run exports its
/// Quartz span and the <c>Ledger</c> meter's job counter (job name and outcome) to the collector.
/// </summary>
public sealed class JobTelemetryTests
{
    private const string Job = "purge-job-runs";
    private const string Never = "0 0 0 1 1 ? 2099";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Should_export_the_span_and_metrics_of_a_job_run_by_otlp()
    {
        using var collector = new OtlpReceiver();
        await using var testing = await WorkerTesting.CreateAsync("worker-telemetry");
        await using var worker = WorkerProcess.Start(
            testing.Database.ConnectionString,
            new Dictionary<string, string>
            {
                ["Worker__IdleWait"] = "00:00:01",
                [$"Worker__Schedules__{Job}"] = Never,
                ["OpenTelemetry__Otlp__Endpoint"] = collector.Endpoint,
                ["OpenTelemetry__Otlp__Protocol"] = "http/protobuf",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            }
        );
        await worker.WaitForOutputAsync("Application started", Wait);

        (await testing.Ops.TriggerNowAsync(Job, default))
            .Should()
            .Be(Application.Operations.TriggerOutcome.Queued);
        var run = await testing.FinishedRunAsync(Job, r => r.TriggerName == $"manual.{Job}", Wait);

        run.Status.Should().Be(JobRunStatus.Succeeded);
        (
            await Eventually.HoldsAsync(
                () =>
                    Task.FromResult(
                        collector.Received("/v1/traces", Job)
                            && collector.Received(
                                "/v1/metrics",
                                "ledger.jobs.runs",
                                Job,
                                "succeeded"
                            )
                            && collector.Received(
                                "/v1/metrics",
                                "ledger.commands.handled",
                                "PurgeJobRuns"
                            )
                    ),
                Wait
            )
        )
            .Should()
            .BeTrue("the job's span and metrics reach the OTLP collector");
    }
}
