namespace Ledger.Domain.Integrations;

/// <summary>What a group owner can let a partner client do in the group.</summary>
public static class IntegrationScopes
{
    public const string Read = "ledger.read";
    public const string Write = "ledger.write";

    public static readonly IReadOnlySet<string> Grantable = new HashSet<string>(
        StringComparer.Ordinal
    )
    {
        Read,
        Write,
    };
}
