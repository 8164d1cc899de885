using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.Infrastructure.Scheduling;
using Ledger.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace Ledger.WebApi.IntegrationTests.Operations;

/// <summary>
/// The ops API through the real pipeline, as a platform admin configured in the host's
/// settings. No worker runs against this database, so a queued run stays queued: exactly the
/// state the queue-depth check refuses a second trigger in.
/// </summary>
public sealed class OpsApiTests : HttpTest
{
    private const string JobName = "test-ops-job";

    [Test]
    public async Task Should_let_an_admin_list_pause_resume_and_trigger_a_job_once_with_every_action_audited()
    {
        var admin = await ApiUsers.SignUpAsync();
        await using var host = ExtraApiHost.WithAdmins(admin.UserId.Value);
        await StoreTestJobAsync(host);
        await InsertFinishedRunAsync();
        using var client = (
            await ApiUsers.SignInAsync(admin.Email, admin.Password, host)
        ).HttpClient;

        var listed = await JobAsync(client);
        using var paused = await client.PostAsync($"/api/v1/ops/jobs/{JobName}/pause", null);
        var whilePaused = await JobAsync(client);
        using var resumed = await client.PostAsync($"/api/v1/ops/jobs/{JobName}/resume", null);
        using var triggered = await client.PostAsync($"/api/v1/ops/jobs/{JobName}/trigger", null);
        using var again = await client.PostAsync($"/api/v1/ops/jobs/{JobName}/trigger", null);
        var whileQueued = await JobAsync(client);

        listed.GetProperty("state").GetString().Should().Be("idle");
        listed.GetProperty("schedule").GetString().Should().Be("0 0 4 * * ?");
        listed.GetProperty("nextFireTime").ValueKind.Should().Be(JsonValueKind.String);
        var lastRun = listed.GetProperty("lastRun");
        lastRun.GetProperty("status").GetString().Should().Be("warning");
        lastRun.GetProperty("durationMs").GetInt64().Should().Be(1500);
        lastRun.GetProperty("result").GetString().Should().Be("Database above threshold.");
        paused.StatusCode.Should().Be(HttpStatusCode.NoContent);
        whilePaused.GetProperty("state").GetString().Should().Be("paused");
        resumed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        triggered.StatusCode.Should().Be(HttpStatusCode.Accepted);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("code")
            .GetString()
            .Should()
            .Be("job.busy");
        whileQueued.GetProperty("state").GetString().Should().Be("queued");
        (await AuditedActionsAsync(admin.UserId.Value))
            .Should()
            .Equal("ops.job-paused", "ops.job-resumed", "ops.job-triggered");
    }

    [Test]
    public async Task Should_answer_404_for_an_unknown_job_and_400_for_a_malformed_name()
    {
        var admin = await ApiUsers.SignUpAsync();
        await using var host = ExtraApiHost.WithAdmins(admin.UserId.Value);
        using var client = (
            await ApiUsers.SignInAsync(admin.Email, admin.Password, host)
        ).HttpClient;

        using var unknown = await client.PostAsync("/api/v1/ops/jobs/no-such-job/trigger", null);
        using var malformed = await client.PostAsync("/api/v1/ops/jobs/Not_A_Job/pause", null);

        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await AuditedActionsAsync(admin.UserId.Value)).Should().BeEmpty();
    }

    [Test]
    public async Task Should_hide_the_ops_api_from_a_signed_in_user_who_is_not_an_admin()
    {
        var admin = await ApiUsers.SignUpAsync();
        var someone = await ApiUsers.SignUpAsync();
        await using var host = ExtraApiHost.WithAdmins(admin.UserId.Value);
        await StoreTestJobAsync(host);
        using var client = (
            await ApiUsers.SignInAsync(someone.Email, someone.Password, host)
        ).HttpClient;

        using var list = await client.GetAsync("/api/v1/ops/jobs");
        using var trigger = await client.PostAsync($"/api/v1/ops/jobs/{JobName}/trigger", null);

        list.StatusCode.Should().Be(HttpStatusCode.NotFound);
        trigger.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        (await scheduler.Exists(LedgerScheduling.ManualTriggerOf(JobName))).Should().BeFalse();
    }

    private static async Task<JsonElement> JobAsync(HttpClient client)
    {
        var jobs = await client.GetFromJsonAsync<JsonElement>("/api/v1/ops/jobs");
        return jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == JobName);
    }

    /// <summary>A job with a nightly schedule and no queued run, as a worker would have stored it.</summary>
    public static async Task StoreTestJobAsync(
        WebApplicationFactory<Program> host,
        string jobName = JobName
    )
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        // Deleting the job deletes its triggers: nothing queued by an earlier test is left.
        await scheduler.DeleteJob(LedgerScheduling.JobKeyOf(jobName));
        await scheduler.ScheduleJob(
            JobBuilder
                .Create()
                .OfType<NeverRunJob>()
                .WithIdentity(LedgerScheduling.JobKeyOf(jobName))
                .StoreDurably(true)
                .Build(),
            TriggerBuilder
                .Create()
                .WithIdentity(LedgerScheduling.ScheduleTriggerOf(jobName))
                .WithCronSchedule("0 0 4 * * ?")
                .Build(),
            default
        );
    }

    private static async Task InsertFinishedRunAsync()
    {
        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO job_runs (id, job_name, trigger_name, node, started_at, timeout, finished_at, status, result)
            VALUES (gen_random_uuid(), @job, 'schedule.test-ops-job', 'node-1',
                    now() - interval '1 hour', interval '1 minute',
                    now() - interval '1 hour' + interval '1.5 seconds', 'Warning', 'Database above threshold.')
            """,
            connection
        );
        command.Parameters.AddWithValue("job", JobName);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> AuditedActionsAsync(Guid adminId)
    {
        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT action FROM audit_events WHERE actor_user_id = @admin AND record_type = 'job' ORDER BY occurred_at, id",
            connection
        );
        command.Parameters.AddWithValue("admin", adminId);
        var actions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }

    /// <summary>Stands in for a worker's job class; no node runs against this database.</summary>
    public sealed class NeverRunJob : IJob
    {
        public ValueTask Execute(
            IJobExecutionContext context,
            CancellationToken cancellationToken
        ) => throw new InvalidOperationException("No worker runs in the HTTP tests.");
    }
}
