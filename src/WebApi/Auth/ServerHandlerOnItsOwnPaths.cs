using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Ledger.WebApi.Auth;

/// <summary>
/// The OpenIddict server's handler for the requests that can be its own, and only those (ADR 0086).
/// ASP.NET Core's authentication middleware offers every request to each request-handling scheme
/// first; the server's handler then makes a transaction and runs its request pipeline (endpoint
/// inference, issuer from the Host header) only to find that an API call is none of its
/// endpoints: ~4% of the API's CPU on GET /api/v1/me. Under <c>/api/</c> and <c>/health</c> the
/// server scheme has no handler: nothing there authenticates, challenges or signs in with it (the
/// API's scheme is the validation one, which is untouched), and a use of it there would fail
/// loudly instead of quietly. Everywhere else (the /connect endpoints, discovery, the login and
/// logout pages) it is the server's handler as before.
/// </summary>
internal sealed class ServerHandlerOnItsOwnPaths(IAuthenticationSchemeProvider schemes)
    : IAuthenticationHandlerProvider
{
    private readonly AuthenticationHandlerProvider _inner = new(schemes);

    public Task<IAuthenticationHandler?> GetHandlerAsync(
        HttpContext context,
        string authenticationScheme
    ) =>
        authenticationScheme == OpenIddictServerAspNetCoreDefaults.AuthenticationScheme
        && NeverTheServers(context.Request.Path)
            ? Task.FromResult<IAuthenticationHandler?>(null)
            : _inner.GetHandlerAsync(context, authenticationScheme);

    /// <summary>Paths where no OpenIddict server endpoint is or can be mapped.</summary>
    internal static bool NeverTheServers(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
