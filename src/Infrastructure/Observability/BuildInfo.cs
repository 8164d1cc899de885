using System.Reflection;

namespace Ledger.Infrastructure.Observability;

/// <summary>
/// The version the build stamped into Ledger's assemblies (all built together):
/// <c>InformationalVersion</c> is
/// <c>&lt;version&gt;+&lt;commit&gt;</c> when the build knew its source revision (the SDK takes it
/// from git, or from <c>-p:SourceRevisionId=...</c>).
/// </summary>
public static class BuildInfo
{
    private static readonly string Informational =
        typeof(BuildInfo)
            .Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion
        ?? typeof(BuildInfo).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The whole informational version, commit included.</summary>
    public static string Version => Informational;

    /// <summary>The source revision after the '+', when there is one.</summary>
    public static string? Commit =>
        Informational.IndexOf('+', StringComparison.Ordinal) is var plus and >= 0
            ? Informational[(plus + 1)..]
            : null;

    /// <summary>When this process started (UTC).</summary>
    public static DateTimeOffset StartedAt { get; } =
        new(System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime());
}
