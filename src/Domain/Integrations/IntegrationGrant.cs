using Ledger.Domain.Common;

namespace Ledger.Domain.Integrations;

/// <summary>
/// A group owner lets a partner (an OAuth client) act on the group with some scopes. Revoking
/// keeps the row: who granted what, and until when, stays known.
/// </summary>
public sealed class IntegrationGrant
{
    public const int ClientIdMaxLength = 100;

    private IntegrationGrant()
    {
        ClientId = string.Empty;
        Scopes = [];
    }

    public IntegrationGrantId Id { get; private init; }
    public GroupId GroupId { get; private init; }
    public string ClientId { get; private init; }

    /// <summary>Distinct values of <see cref="IntegrationScopes.Grantable"/>, in a stable order.</summary>
    public List<string> Scopes { get; private init; }

    public UserId GrantedBy { get; private init; }
    public DateTimeOffset GrantedAt { get; private init; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static IntegrationGrant Create(
        GroupId groupId,
        string clientId,
        IEnumerable<string> scopes,
        UserId grantedBy,
        DateTimeOffset grantedAt
    )
    {
        if (string.IsNullOrWhiteSpace(clientId) || clientId.Length > ClientIdMaxLength)
        {
            throw new DomainValidationException(
                "integration.client-id",
                "A grant needs a client id.",
                "clientId"
            );
        }

        var distinct = scopes
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (distinct.Count == 0 || !distinct.All(IntegrationScopes.Grantable.Contains))
        {
            throw new DomainValidationException(
                "integration.scopes",
                $"A grant needs one or more of the scopes {IntegrationScopes.Read} and {IntegrationScopes.Write}.",
                "scopes"
            );
        }

        return new IntegrationGrant
        {
            Id = IntegrationGrantId.New(),
            GroupId = groupId,
            ClientId = clientId,
            Scopes = distinct,
            GrantedBy = grantedBy,
            GrantedAt = grantedAt,
        };
    }

    public void Revoke(DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new BusinessRuleViolationException(
                "integration.already-revoked",
                "This grant was already revoked."
            );
        }

        RevokedAt = now;
    }
}
