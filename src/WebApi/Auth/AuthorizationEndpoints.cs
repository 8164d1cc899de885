using System.Security.Claims;
using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.RateLimiting;
using Ledger.WebApi.RateLimiting;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ledger.WebApi.Auth;

/// <summary>
/// The OAuth endpoints OpenIddict hands to us after validating the request (passthrough):
/// authorization (who is the user?), token (is their session still live?) and end session.
/// Being endpoints, they get rate limits like any other. Revocation is OpenIddict's own.
/// </summary>
public static class AuthorizationEndpoints
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string LogoutPath = "/connect/logout";
    public const string RevokePath = "/connect/revoke";

    public static bool IsTokenRequest(HttpContext context) =>
        context.Request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapAuthorizationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], Authorize)
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapPost(TokenPath, Exchange)
            .AllowAnonymous()
            .RequireAuthRateLimit(RateLimitAccountField.TokenRequest)
            .ExcludeFromDescription();
        app.MapMethods(LogoutPath, [HttpMethods.Get, HttpMethods.Post], Logout)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// When the authorization that started a chain of refresh tokens was given (unix seconds).
    /// Kept in codes and refresh tokens only, never in access or identity tokens.
    /// </summary>
    public const string SessionStartClaim = "ledger_session_start";

    public static async Task<IResult> Authorize(
        HttpContext context,
        UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn,
        TimeProvider clock
    )
    {
        var request =
            context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not pass on the request.");

        // The API's default scheme is the bearer token; the sign-in session is Identity's cookie.
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        if (user is null || !await SignInRules.MaySignInAsync(signIn, user))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }

            // To the login page, which comes back here with the same parameters.
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = await SameRequestUriAsync(context) },
                [IdentityConstants.ApplicationScheme]
            );
        }

        var identity = new ClaimsIdentity(
            TokenValidationParameters.DefaultAuthenticationType,
            Claims.Name,
            Claims.Role
        );
        // Only the id: tokens carry no email or name (they end up in browser storage and logs).
        identity.SetClaim(Claims.Subject, user.Id.ToString());
        identity.SetClaim(SecurityStamps.ClaimType, SecurityStamps.Digest(user.SecurityStamp));
        identity.SetClaim(SessionStartClaim, clock.GetUtcNow().ToUnixTimeSeconds());
        identity.SetScopes(request.GetScopes());
        identity.SetAudiences(AuthSettings.ApiAudience);
        SetDestinations(identity);

        return Results.SignIn(
            new ClaimsPrincipal(identity),
            properties: null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme
        );
    }

    /// <summary>
    /// Authorization code and refresh token grants, after OpenIddict has validated the code or
    /// refresh token (PKCE, client, redirect URI, expiry, single use). A refresh token whose
    /// account was deleted, locked out or had its password changed is refused here. Partners'
    /// client credentials get a token of the client itself.
    /// </summary>
    public static async Task<IResult> Exchange(
        HttpContext context,
        AccountSessions sessions,
        ClientCredentialsGrant clientCredentials,
        AuthSettings settings,
        TimeProvider clock
    )
    {
        var request =
            context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not pass on the request.");
        if (request.IsClientCredentialsGrantType())
        {
            return Results.SignIn(
                await clientCredentials.PrincipalForAsync(request, context.RequestAborted),
                properties: null,
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme
            );
        }

        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
        }

        var result = await context.AuthenticateAsync(
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme
        );
        if (
            result.Principal is not { } principal
            || !await sessions.IsLiveAsync(principal, context.RequestAborted)
        )
        {
            return Refuse(Errors.InvalidGrant, "The grant is no longer valid.");
        }

        var identity = new ClaimsIdentity(
            principal.Claims,
            TokenValidationParameters.DefaultAuthenticationType,
            Claims.Name,
            Claims.Role
        );

        // Refresh tokens rotate, each living RefreshTokenLifetimeDays, but the chain ends
        // SessionLifetimeDays after the authorization that started it.
        var now = clock.GetUtcNow();
        var started = long.TryParse(identity.GetClaim(SessionStartClaim), out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : now;
        var remaining = started.AddDays(settings.SessionLifetimeDays) - now;
        if (remaining <= TimeSpan.Zero)
        {
            return Refuse(Errors.InvalidGrant, "The session has ended: sign in again.");
        }

        identity.SetClaim(SessionStartClaim, started.ToUnixTimeSeconds());
        identity.SetRefreshTokenLifetime(
            TimeSpan.FromDays(settings.RefreshTokenLifetimeDays) < remaining
                ? TimeSpan.FromDays(settings.RefreshTokenLifetimeDays)
                : remaining
        );
        SetDestinations(identity);
        return Results.SignIn(
            new ClaimsPrincipal(identity),
            properties: null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme
        );
    }

    /// <summary>
    /// OpenID Connect RP-initiated logout. With a valid <c>id_token_hint</c> of the signed-in
    /// user (OpenIddict has checked its signature and issuer), the sign-in session ends and the
    /// authorization the hint was issued under is revoked with all its tokens. Without one, a
    /// GET only shows a confirmation form: a cross-site link or image cannot sign anyone out.
    /// The form posts back here with an anti-forgery token, and only then is the session ended.
    /// </summary>
    public static async Task<IResult> Logout(
        HttpContext context,
        SignInManager<ApplicationUser> signIn,
        IAntiforgery antiforgery,
        IOpenIddictAuthorizationManager authorizations,
        IOpenIddictTokenManager tokens
    )
    {
        var hint = (
            await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
        ).Principal;
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var sessionUser = session.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var hintUser = hint?.GetClaim(Claims.Subject);
        var hinted = hintUser is not null && (sessionUser is null || sessionUser == hintUser);

        if (!hinted)
        {
            if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
            {
                return LogoutPage.Confirm(context, antiforgery);
            }

            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                return LogoutPage.Confirm(context, antiforgery, StatusCodes.Status400BadRequest);
            }
        }
        else if (
            hint!.GetAuthorizationId() is { } authorizationId
            && await authorizations.FindByIdAsync(authorizationId, context.RequestAborted)
                is { } authorization
        )
        {
            await authorizations.TryRevokeAsync(authorization, context.RequestAborted);
            await tokens.RevokeByAuthorizationIdAsync(authorizationId, context.RequestAborted);
        }

        await signIn.SignOutAsync();
        // OpenIddict sends the browser to the client's post_logout_redirect_uri when it gave a
        // registered one; otherwise to the login page.
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = LoginPage.Path },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]
        );
    }

    private static void SetDestinations(ClaimsIdentity identity) =>
        identity.SetDestinations(claim =>
            claim.Type switch
            {
                Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
                // Codes and refresh tokens keep every claim; this one goes nowhere else.
                SessionStartClaim => [],
                _ => [Destinations.AccessToken],
            }
        );

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(
                new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
                }
            ),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]
        );

    /// <summary>This authorization request as a local URL, whether it came as a GET or a form POST.</summary>
    private static async Task<string> SameRequestUriAsync(HttpContext context)
    {
        var parameters = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync()).Select(p =>
                KeyValuePair.Create(p.Key, p.Value)
            )
            : context.Request.Query.Select(p => KeyValuePair.Create(p.Key, p.Value));
        return context.Request.PathBase
            + context.Request.Path
            + QueryString.Create(parameters.ToList());
    }
}

/// <summary>Who may hold a sign-in session: an active account that Identity lets sign in.</summary>
public static class SignInRules
{
    public static async Task<bool> MaySignInAsync(
        SignInManager<ApplicationUser> signIn,
        ApplicationUser user
    ) => user.IsActive && await signIn.CanSignInAsync(user);
}
