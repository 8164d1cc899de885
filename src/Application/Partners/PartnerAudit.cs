namespace Ledger.Application.Partners;

/// <summary>The audit actions of partner clients and integration grants. Records name ids only.</summary>
public static class PartnerAudit
{
    public const string ClientRecord = "oauth-client";
    public const string GrantRecord = "integration-grant";

    public const string ClientCreated = "partner.client-created";
    public const string ClientSecretRotated = "partner.client-secret-rotated";
    public const string ClientDisabled = "partner.client-disabled";
    public const string GrantCreated = "integration.granted";
    public const string GrantRevoked = "integration.revoked";
}
