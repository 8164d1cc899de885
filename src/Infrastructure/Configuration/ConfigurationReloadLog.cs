using System.Collections.Concurrent;
using Ledger.Application.Operations;

namespace Ledger.Infrastructure.Configuration;

/// <summary>
/// The latest outcome of each reloadable section (applied or refused, and why), for the reload
/// endpoint's answer and the diagnostics endpoint.
/// </summary>
public sealed class ConfigurationReloadLog(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ConfigurationSectionOutcomeDto> _latest = new(
        StringComparer.Ordinal
    );

    public DateTimeOffset? LastReloadAt { get; private set; }

    public IReadOnlyList<ConfigurationSectionOutcomeDto> Latest =>
        [.. _latest.Values.OrderBy(outcome => outcome.Section, StringComparer.Ordinal)];

    public DateTimeOffset Now() => clock.GetUtcNow();

    internal void Applied(string section) => Record(new(section, "applied", null, Now()));

    internal void Refused(string section, string reason) =>
        Record(new(section, "refused", reason, Now()));

    private void Record(ConfigurationSectionOutcomeDto outcome)
    {
        _latest[outcome.Section] = outcome;
        LastReloadAt = outcome.At;
    }
}
