namespace Ledger.Application.Operations;

/// <summary>
/// What an operator needs to see about one running instance: its build, environment, start
/// time, and the state of what it depends on. Implemented where those things live
/// (Infrastructure); read only by the admin diagnostics query.
/// </summary>
public interface IDiagnosticsProbe
{
    Task<DiagnosticsDto> CollectAsync(CancellationToken cancellationToken);
}

/// <param name="Version">The informational version the build stamped, <c>1.0.0+&lt;commit&gt;</c>.</param>
/// <param name="Commit">The source revision the build was made from, when the build knew it.</param>
public sealed record DiagnosticsDto(
    string Service,
    string Version,
    string? Commit,
    string Environment,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    DependencyStatusDto Database,
    DependencyStatusDto Redis,
    MigrationStatusDto Migrations,
    RateLimiterDiagnosticsDto RateLimiter,
    JobStoreStatusDto JobStore,
    ConfigurationStatusDto Configuration
);

/// <param name="Status"><c>ok</c>, <c>unavailable</c> or <c>not-configured</c>.</param>
public sealed record DependencyStatusDto(string Status, double? LatencyMs);

/// <param name="Status"><c>up-to-date</c>, <c>pending</c> (the database is behind this build), <c>unknown</c>.</param>
public sealed record MigrationStatusDto(
    string Status,
    string? LatestApplied,
    string LatestKnown,
    int Applied,
    int Known,
    IReadOnlyList<string> Pending
);

/// <param name="Mode"><c>redis</c> (shared across instances) or <c>local</c> (in-process fallback).</param>
public sealed record RateLimiterDiagnosticsDto(string Mode, bool RedisConfigured);

/// <param name="Status"><c>ok</c> (the Quartz tables answer) or <c>unavailable</c>.</param>
/// <param name="Instances">Worker nodes that checked in to the cluster recently.</param>
public sealed record JobStoreStatusDto(
    string Status,
    int? Instances,
    DateTimeOffset? LastCheckin,
    IReadOnlyList<string> InstanceIds
);

/// <param name="LastReloadAt">The last time the configuration was reloaded (file change or admin request).</param>
public sealed record ConfigurationStatusDto(
    DateTimeOffset? LastReloadAt,
    IReadOnlyList<ConfigurationSectionOutcomeDto> LastOutcomes
);

/// <param name="Status"><c>applied</c> or <c>refused</c> (the old values were kept).</param>
/// <param name="Reason">Why a section was refused: validation messages, never values.</param>
public sealed record ConfigurationSectionOutcomeDto(
    string Section,
    string Status,
    string? Reason,
    DateTimeOffset At
);
