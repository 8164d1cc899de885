using Ledger.Application.Common.Interfaces;
using Ledger.Application.Partners;
using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ledger.WebApi.Auth;

/// <summary>
/// Sign-in and token validation: ASP.NET Core Identity (login page, session cookie), the
/// OpenIddict server (authorization code + PKCE S256, rotating refresh tokens, nothing else)
/// and OpenIddict validation protecting the API.
/// </summary>
public static class AuthenticationSetup
{
    public static WebApplicationBuilder AddLedgerAuthentication(this WebApplicationBuilder builder)
    {
        var settings = AuthSettings.From(builder.Configuration);
        // First, so a production host without keys stops here, naming the missing settings.
        var keys = TokenKeys.Load(builder.Configuration, builder.Environment);
        var local = AuthSettings.IsLocalEnvironment(builder.Environment);
        var services = builder.Services;

        // OpenIddict logs every OAuth request it reads, parameters included, at Information:
        // a rejected password grant would put the username (an email) in the logs, and any
        // client can add a login_hint. Capped in code so that no log setting can bring it back.
        builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);

        services.AddSingleton(settings);
        services.Configure<PlatformAdminSettings>(
            builder.Configuration.GetSection(PlatformAdminSettings.Section)
        );
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentPrincipal, HttpContextPrincipal>();

        new IdentityBuilder(
            typeof(ApplicationUser),
            typeof(IdentityRole<Guid>),
            services
        ).AddSignInManager();
        services
            .AddAuthentication(options =>
                // The API knows bearer tokens only: a cookie cannot call it, and an anonymous
                // call answers 401, never a redirect to the login page.
                options.DefaultScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
            )
            .AddIdentityCookies();
        var secureCookies = local ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPage.Path;
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Cookie.Name = "ledger.session";
            cookie.Cookie.HttpOnly = true;
            // Lax: the client sends the browser here with a top-level GET from its own origin.
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secureCookies;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        // The session cookie is checked against the account's security stamp on every use, not
        // every 30 minutes: a password change, reset or deletion ends browser sessions at once.
        services.Configure<SecurityStampValidatorOptions>(options =>
            options.ValidationInterval = TimeSpan.Zero
        );
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "ledger.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = secureCookies;
        });
        services.AddAuthorization();
        services.AddScoped<AccountSessions>();
        services.AddScoped<ClientCredentialsGrant>();

        services
            .AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ApplicationDbContext>())
            .AddServer(server =>
            {
                server
                    .SetAuthorizationEndpointUris(AuthorizationEndpoints.AuthorizePath)
                    .SetTokenEndpointUris(AuthorizationEndpoints.TokenPath)
                    .SetEndSessionEndpointUris(AuthorizationEndpoints.LogoutPath)
                    .SetRevocationEndpointUris(AuthorizationEndpoints.RevokePath);

                // Code + PKCE and refresh tokens for people, client credentials for partners
                // (ClientCredentialsGrant); no password grant, no implicit flow.
                server
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                server.RequireProofKeyForCodeExchange();
                server.Configure(options =>
                {
                    // S256 only: "plain" would hand the verifier to whoever sees the request.
                    options.CodeChallengeMethods.Clear();
                    options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                });
                server.RegisterScopes([Scopes.OpenId, Scopes.OfflineAccess, .. PartnerScopes.All]);

                server
                    .SetAccessTokenLifetime(
                        TimeSpan.FromMinutes(settings.AccessTokenLifetimeMinutes)
                    )
                    .SetAuthorizationCodeLifetime(
                        TimeSpan.FromSeconds(settings.AuthorizationCodeLifetimeSeconds)
                    )
                    .SetRefreshTokenLifetime(TimeSpan.FromDays(settings.RefreshTokenLifetimeDays))
                    .SetRefreshTokenReuseLeeway(
                        TimeSpan.FromSeconds(settings.RefreshTokenReuseLeewaySeconds)
                    );
                if (settings.Issuer is not null)
                {
                    server.SetIssuer(new Uri(settings.Issuer, UriKind.Absolute));
                }

                server.AddSigningKey(keys.Signing).AddEncryptionKey(keys.Encryption);

                var aspNetCore = server
                    .UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (local)
                {
                    // `./build.sh run` and the tests speak plain HTTP on loopback.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                // Every request checks the token's and its authorization's entries in the
                // database: revoking them (password change, deletion, a reused refresh token's
                // whole family) ends the access tokens at once, not at expiry.
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
                validation.AddEventHandler(RejectEndedSessions.Descriptor);
                validation.AddAudiences(AuthSettings.ApiAudience);
            });

        // After AddAuthentication: the OpenIddict server's handler only where it can have work (ADR 0086).
        services.Replace(
            ServiceDescriptor.Scoped<IAuthenticationHandlerProvider, ServerHandlerOnItsOwnPaths>()
        );
        services.AddHostedService<WebClientRegistration>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLedgerAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapLoginPage();
        app.MapAuthorizationEndpoints();
        app.MapAccountEndpoints();
        return app;
    }
}
