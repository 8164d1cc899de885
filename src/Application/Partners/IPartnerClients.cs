namespace Ledger.Application.Partners;

/// <summary>
/// The OAuth clients of integration partners, kept by the authorization server. Secrets are
/// returned once, when made, and stored only as hashes. Operations on a client id that is not a
/// partner client (the first-party web client, say) find nothing.
/// </summary>
public interface IPartnerClients
{
    Task<PartnerClientCredentials> CreateAsync(
        string displayName,
        IReadOnlyCollection<string> scopes,
        CancellationToken cancellationToken
    );

    /// <summary>A new secret replacing the old one at once; null when no such partner client.</summary>
    Task<PartnerClientCredentials?> RotateSecretAsync(
        string clientId,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Takes away the client's right to get tokens and revokes the tokens it holds; false when
    /// no such partner client.
    /// </summary>
    Task<bool> DisableAsync(string clientId, CancellationToken cancellationToken);

    Task<PartnerClientInfo?> FindAsync(string clientId, CancellationToken cancellationToken);
}

public sealed record PartnerClientCredentials(string ClientId, string ClientSecret);

public sealed record PartnerClientInfo(
    string ClientId,
    IReadOnlySet<string> Scopes,
    bool IsEnabled
);
