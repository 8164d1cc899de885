using System.Security.Claims;
using Ledger.Application.Partners;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Ledger.WebApi.Auth;

/// <summary>
/// Issues the access token of a client credentials request. OpenIddict has already
/// authenticated the client (secret checked against its hash), checked that it may use the
/// grant and the token endpoint, and that it may ask for every requested scope. The token's
/// subject is the client; it carries the granted scopes and the API audience, and no refresh token.
/// </summary>
public sealed class ClientCredentialsGrant(IOpenIddictApplicationManager applications)
    : IOpenIddictServerHandler<HandleTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor
            .CreateBuilder<HandleTokenRequestContext>()
            .UseScopedHandler<ClientCredentialsGrant>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(HandleTokenRequestContext context)
    {
        if (!context.Request.IsClientCredentialsGrantType())
        {
            return;
        }

        var clientId =
            context.Request.ClientId
            ?? throw new InvalidOperationException(
                "OpenIddict let a request without a client id through."
            );
        var application =
            await applications.FindByClientIdAsync(clientId, context.CancellationToken)
            ?? throw new InvalidOperationException("OpenIddict authenticated an unknown client.");

        var requested = context.Request.GetScopes();
        // No scope asked for: everything the client is allowed.
        var scopes = requested.IsEmpty
            ? await AllowedScopesAsync(application, context.CancellationToken)
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
        context.SignIn(new ClaimsPrincipal(identity));
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
