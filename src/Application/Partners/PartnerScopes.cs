using Ledger.Domain.Integrations;

namespace Ledger.Application.Partners;

/// <summary>The scopes a partner client can be allowed to ask for.</summary>
public static class PartnerScopes
{
    public const string Read = IntegrationScopes.Read;
    public const string Write = IntegrationScopes.Write;

    /// <summary>Makes the client a platform admin: the admin API, never group data.</summary>
    public const string Admin = "ledger.admin";

    public static readonly IReadOnlyList<string> All = [Read, Write, Admin];
}
