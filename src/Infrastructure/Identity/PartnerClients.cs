using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Ledger.Application.Partners;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ledger.Infrastructure.Identity;

/// <summary>
/// Partner clients as OpenIddict applications: confidential, client credentials only, their
/// secrets hashed by OpenIddict. A property marks them, so the admin API cannot reach the
/// first-party web client or any other application.
/// </summary>
public sealed class PartnerClients(
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens
) : IPartnerClients
{
    private const string PartnerProperty = "ledger_partner";
    private const string ClientIdPrefix = "partner-";

    private static readonly string[] TokenPermissions =
    [
        Permissions.Endpoints.Token,
        Permissions.GrantTypes.ClientCredentials,
    ];

    public async Task<PartnerClientCredentials> CreateAsync(
        string displayName,
        IReadOnlyCollection<string> scopes,
        CancellationToken cancellationToken
    )
    {
        // Not a GUID: a client id must never parse as a user id.
        var clientId =
            ClientIdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Properties = { [PartnerProperty] = JsonSerializer.SerializeToElement(true) },
        };
        descriptor.Permissions.UnionWith(TokenPermissions);
        descriptor.Permissions.UnionWith(
            scopes.Select(scope => Permissions.Prefixes.Scope + scope)
        );
        await applications.CreateAsync(descriptor, cancellationToken);
        return new PartnerClientCredentials(clientId, secret);
    }

    public async Task<PartnerClientCredentials?> RotateSecretAsync(
        string clientId,
        CancellationToken cancellationToken
    )
    {
        if (await FindPartnerAsync(clientId, cancellationToken) is not { } application)
        {
            return null;
        }

        var secret = NewSecret();
        await applications.UpdateAsync(application, secret, cancellationToken);
        return new PartnerClientCredentials(clientId, secret);
    }

    public async Task<bool> DisableAsync(string clientId, CancellationToken cancellationToken)
    {
        if (await FindPartnerAsync(clientId, cancellationToken) is not { } application)
        {
            return false;
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.Permissions.ExceptWith(TokenPermissions);
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        if (await applications.GetIdAsync(application, cancellationToken) is { } id)
        {
            await tokens.RevokeByApplicationIdAsync(id, cancellationToken);
        }

        return true;
    }

    public async Task<PartnerClientInfo?> FindAsync(
        string clientId,
        CancellationToken cancellationToken
    )
    {
        if (await FindPartnerAsync(clientId, cancellationToken) is not { } application)
        {
            return null;
        }

        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        var scopes = permissions
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..])
            .ToHashSet(StringComparer.Ordinal);
        var enabled = TokenPermissions.All(permissions.Contains);
        return new PartnerClientInfo(clientId, scopes, enabled);
    }

    private async Task<object?> FindPartnerAsync(
        string clientId,
        CancellationToken cancellationToken
    )
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        return
            properties.TryGetValue(PartnerProperty, out var marker)
            && marker.ValueKind == JsonValueKind.True
            ? application
            : null;
    }

    /// <summary>256 random bits, URL-safe.</summary>
    private static string NewSecret() =>
        Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
