namespace Ledger.Application.Operations;

/// <summary>
/// Re-reads every configuration source now, and reports what each reloadable section did:
/// applied, or refused (invalid; the last good values stay in force).
/// </summary>
public interface IConfigurationReloader
{
    IReadOnlyList<ConfigurationSectionOutcomeDto> Reload();
}
