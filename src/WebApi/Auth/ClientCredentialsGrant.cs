using System.Security.Claims;
using Ledger.Application.Partners;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ledger.WebApi.Auth;

/// <summary>
/// The principal of a client credentials request, for the token endpoint to sign in.
/// OpenIddict has already authenticated the client (secret checked against its hash), checked
/// that it may use the grant and the token endpoint, and that it may ask for every requested
/// scope. The token's subject is the client; it carries the granted scopes and the API
/// audience, and no refresh token.
/// </summary>
public sealed class ClientCredentialsGrant(IOpenIddictApplicationManager applications)
{
    public async Task<ClaimsPrincipal> PrincipalForAsync(
        OpenIddictRequest request,
        CancellationToken cancellationToken
    )
    {
        var clientId =
            request.ClientId
            ?? throw new InvalidOperationException(
                "OpenIddict let a request without a client id through."
            );
        var application =
            await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new InvalidOperationException("OpenIddict authenticated an unknown client.");

        var requested = request.GetScopes();
        // No scope asked for: everything the client is allowed.
        var scopes = requested.IsEmpty
            ? await AllowedScopesAsync(application, cancellationToken)
            : requested;

        var identity = new ClaimsIdentity(
            TokenValidationParameters.DefaultAuthenticationType,
            Claims.Name,
            Claims.Role
        );
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(Claims.ClientId, clientId);
        identity.SetScopes(scopes);
        identity.SetAudiences(AuthSettings.ApiAudience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    private async Task<IEnumerable<string>> AllowedScopesAsync(
        object application,
        CancellationToken cancellationToken
    )
    {
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        return PartnerScopes.All.Where(scope =>
            permissions.Contains(Permissions.Prefixes.Scope + scope)
        );
    }
}
