using System.Diagnostics;
using Ledger.Application.Operations;
using Ledger.Infrastructure.Configuration;
using Ledger.Infrastructure.Observability;
using Ledger.Infrastructure.Persistence;
using Ledger.Infrastructure.RateLimiting;
using Ledger.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using StackExchange.Redis;

namespace Ledger.Infrastructure.Diagnostics;

/// <summary>
/// The admin diagnostics of this instance. Each check has a short timeout and reports
/// <c>unavailable</c> instead of failing, so the endpoint answers while a dependency is down;
/// no connection string, host name or error text is reported.
/// </summary>
internal sealed class DiagnosticsProbe(
    ApplicationDbContext db,
    NpgsqlDataSource dataSource,
    IHostEnvironment environment,
    ConfigurationReloadLog reloads,
    IServiceProvider services
) : IDiagnosticsProbe
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    // Scheduler nodes count as checked in when seen within this long (Quartz checks in every
    // 7.5 s by default; a node missing several check-ins is recovered by the others).
    private static readonly TimeSpan CheckinWindow = TimeSpan.FromMinutes(1);

    public async Task<DiagnosticsDto> CollectAsync(CancellationToken cancellationToken)
    {
        var database = await CheckDatabaseAsync(cancellationToken);
        var redis = await CheckRedisAsync();
        var migrations = await MigrationsAsync(database.Status == "ok", cancellationToken);
        var jobStore = await JobStoreAsync(database.Status == "ok", cancellationToken);
        var rateLimiter = services.GetService<IRateLimiterStatus>();
        var now = DateTimeOffset.UtcNow;
        return new DiagnosticsDto(
            environment.ApplicationName,
            BuildInfo.Version,
            BuildInfo.Commit,
            environment.EnvironmentName,
            BuildInfo.StartedAt,
            Math.Round((now - BuildInfo.StartedAt).TotalSeconds, 1),
            database,
            redis,
            migrations,
            new RateLimiterDiagnosticsDto(
                rateLimiter is null ? "none"
                    : rateLimiter.IsDegraded
                    || services.GetService<IConnectionMultiplexer>() is null
                        ? "local"
                    : "redis",
                services.GetService<IConnectionMultiplexer>() is not null
            ),
            jobStore,
            new ConfigurationStatusDto(reloads.LastReloadAt, reloads.Latest)
        );
    }

    private async Task<DependencyStatusDto> CheckDatabaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CheckTimeout);
            var started = Stopwatch.GetTimestamp();
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return new("ok", Milliseconds(started));
        }
        catch (Exception exception)
            when (exception is NpgsqlException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new("unavailable", null);
        }
    }

    private async Task<DependencyStatusDto> CheckRedisAsync()
    {
        var redis = services.GetService<IConnectionMultiplexer>();
        if (redis is null)
        {
            return new("not-configured", null);
        }

        if (!redis.IsConnected)
        {
            return new("unavailable", null);
        }

        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(CheckTimeout);
            return new("ok", Math.Round(latency.TotalMilliseconds, 2));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return new("unavailable", null);
        }
    }

    private async Task<MigrationStatusDto> MigrationsAsync(
        bool databaseUp,
        CancellationToken cancellationToken
    )
    {
        var known = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order().ToList();
        var latestKnown = known.LastOrDefault() ?? "none";
        if (!databaseUp)
        {
            return new("unknown", null, latestKnown, 0, known.Count, []);
        }

        try
        {
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken))
                .Order()
                .ToList();
            var pending = known.Except(applied).ToList();
            return new(
                pending.Count == 0 ? "up-to-date" : "pending",
                applied.LastOrDefault(),
                latestKnown,
                applied.Count,
                known.Count,
                pending
            );
        }
        catch (NpgsqlException)
        {
            return new("unknown", null, latestKnown, 0, known.Count, []);
        }
    }

    private async Task<JobStoreStatusDto> JobStoreAsync(
        bool databaseUp,
        CancellationToken cancellationToken
    )
    {
        if (!databaseUp)
        {
            return new("unavailable", null, null, []);
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CheckTimeout);
            await using var command = dataSource.CreateCommand(
                $"SELECT instance_name, last_checkin_time FROM {QuartzSchema.TablePrefix}scheduler_state "
                    + "WHERE sched_name = $1 ORDER BY last_checkin_time DESC"
            );
            command.Parameters.Add(new NpgsqlParameter { Value = LedgerScheduling.SchedulerName });
            await using var reader = await command.ExecuteReaderAsync(timeout.Token);
            var instances = new List<(string Name, DateTimeOffset Checkin)>();
            while (await reader.ReadAsync(timeout.Token))
            {
                instances.Add((reader.GetString(0), CheckinTime(reader.GetInt64(1))));
            }

            var recent = instances
                .Where(instance => DateTimeOffset.UtcNow - instance.Checkin <= CheckinWindow)
                .ToList();
            return new(
                "ok",
                recent.Count,
                instances.Count == 0 ? null : instances[0].Checkin,
                [.. recent.Select(instance => instance.Name)]
            );
        }
        catch (Exception exception)
            when (exception is NpgsqlException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new("unavailable", null, null, []);
        }
    }

    /// <summary>Quartz.NET stores times as UTC ticks (Java Quartz: Unix milliseconds).</summary>
    private static DateTimeOffset CheckinTime(long value) =>
        value > DateTimeOffset.UnixEpoch.UtcTicks
            ? new DateTimeOffset(value, TimeSpan.Zero)
            : DateTimeOffset.FromUnixTimeMilliseconds(value);

    private static double Milliseconds(long started) =>
        Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2);
}

public static class DiagnosticsRegistration
{
    /// <summary>The probe behind <c>GET /api/v1/admin/diagnostics</c>.</summary>
    public static IServiceCollection AddDiagnosticsProbe(this IServiceCollection services)
    {
        services.AddConfigurationReload();
        services.AddScoped<IDiagnosticsProbe, DiagnosticsProbe>();
        return services;
    }
}
