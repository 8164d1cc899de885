namespace Ledger.Application.Operations.Commands.ReloadConfiguration;

/// <summary>
/// Re-reads the configuration now instead of waiting for a file change (audit 000 P2). Each
/// reloadable section is validated: a valid one takes effect at once, an invalid one is refused
/// and its last good values stay. Audited.
/// </summary>
public sealed record ReloadConfiguration : ICommand<ConfigurationReloadResult>, IRequiresAccess
{
    public Access Access => Access.Admin;
}

public sealed record ConfigurationReloadResult(
    DateTimeOffset ReloadedAt,
    IReadOnlyList<ConfigurationSectionOutcomeDto> Sections
);

public sealed class ReloadConfigurationHandler(
    IConfigurationReloader reloader,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<ReloadConfiguration, ConfigurationReloadResult>
{
    public ValueTask<ConfigurationReloadResult> Handle(
        ReloadConfiguration command,
        CancellationToken cancellationToken
    )
    {
        var sections = reloader.Reload();
        audit.Record(
            OperationsAudit.ConfigurationReloaded,
            OperationsAudit.ConfigurationRecord,
            "configuration",
            groupId: null
        );
        return ValueTask.FromResult(new ConfigurationReloadResult(clock.GetUtcNow(), sections));
    }
}
