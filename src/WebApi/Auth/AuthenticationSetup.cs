using Ledger.Application.Common.Interfaces;

namespace Ledger.WebApi.Auth;

/// <summary>
/// Sign-in and token validation: ASP.NET Core Identity, the OpenIddict server (authorization code
/// + PKCE, refresh tokens) and OpenIddict validation protecting the API.
/// </summary>
public static class AuthenticationSetup
{
    public static WebApplicationBuilder AddLedgerAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentPrincipal, HttpContextPrincipal>();
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorization();
        return builder;
    }

    public static IEndpointRouteBuilder MapLedgerAuthEndpoints(this IEndpointRouteBuilder app) =>
        app;
}
