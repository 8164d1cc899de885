using System.Text.Encodings.Web;
using Ledger.Application.Users;
using Ledger.Infrastructure.Identity;
using Ledger.WebApi.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Ledger.WebApi.Auth;

/// <summary>
/// The server-rendered sign-in form of the authorization server: plain HTML, works without
/// JavaScript, anti-forgery protected. It signs in with Identity's cookie and sends the browser
/// back to a local return URL (the authorization request that brought it here). One error
/// message for every failure, so the page never tells whether an email has an account.
/// </summary>
public static class LoginPage
{
    public const string Path = "/account/login";
    public const string IncorrectCredentials = "The email or password is incorrect.";
    private const string ExpiredForm = "The form expired. Please sign in again.";

    public static IEndpointRouteBuilder MapLoginPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, SignIn)
            .AllowAnonymous()
            .RequireAuthRateLimit(RateLimitingEndpoints.FormEmail("email"))
            .ExcludeFromDescription();
        return app;
    }

    public static IResult Show(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        Render(context, antiforgery, LocalReturnUrl(returnUrl), email: null, error: null);

    public static async Task<IResult> SignIn(
        HttpContext context,
        IAntiforgery antiforgery,
        UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn,
        IPasswordHasher<ApplicationUser> hasher
    )
    {
        if (!context.Request.HasFormContentType)
        {
            return Render(
                context,
                antiforgery,
                null,
                null,
                ExpiredForm,
                StatusCodes.Status400BadRequest
            );
        }

        // Read by hand (not bound) so the anti-forgery check is ours, explicit and first.
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = LocalReturnUrl(form["returnUrl"]);
        var email = Bounded(form["email"], UserRules.EmailMaxLength);
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Render(
                context,
                antiforgery,
                returnUrl,
                email,
                ExpiredForm,
                StatusCodes.Status400BadRequest
            );
        }

        var password = form["password"].ToString();
        var user = email is null ? null : await users.FindByEmailAsync(email);
        if (
            user is null
            || !user.IsActive
            || password.Length is 0 or > UserRules.PasswordMaximumLength
        )
        {
            // As slow as a real check, so timing does not reveal which emails have accounts.
            DummyPasswordCheck(hasher, password);
            return Render(context, antiforgery, returnUrl, email, IncorrectCredentials);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            // Locked out and not allowed read the same: anything else would confirm the account.
            return Render(context, antiforgery, returnUrl, email, IncorrectCredentials);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return returnUrl is null ? SignedIn(context) : Results.LocalRedirect(returnUrl);
    }

    /// <summary>Only a path on this server: anything else would make the page an open redirect.</summary>
    public static string? LocalReturnUrl(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate) || candidate.Length > 4096)
        {
            return null;
        }

        var local =
            candidate[0] == '/'
            && (candidate.Length == 1 || (candidate[1] != '/' && candidate[1] != '\\'))
            && !candidate.Any(char.IsControl);
        return local ? candidate : null;
    }

    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(
            new ApplicationUser(),
            Guid.NewGuid().ToString()
        )
    );

    private static void DummyPasswordCheck(
        IPasswordHasher<ApplicationUser> hasher,
        string password
    ) => hasher.VerifyHashedPassword(new ApplicationUser(), DummyHash.Value, password);

    private static string? Bounded(string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > maxLength ? null : trimmed;
    }

    private static IResult Render(
        HttpContext context,
        IAntiforgery antiforgery,
        string? returnUrl,
        string? email,
        string? error,
        int statusCode = StatusCodes.Status200OK
    )
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var body = $"""
            <h1>Sign in to Ledger</h1>
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{html.Encode(error)}</p>")}
            <form method="post" action="{html.Encode(Path)}">
              <input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(
                tokens.RequestToken ?? ""
            )}">
              <input type="hidden" name="returnUrl" value="{html.Encode(returnUrl ?? "")}">
              <label for="email">Email</label>
              <input id="email" name="email" type="email" autocomplete="username" required maxlength="{UserRules.EmailMaxLength}" value="{html.Encode(
                email ?? ""
            )}">
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="{UserRules.PasswordMaximumLength}">
              <button type="submit">Sign in</button>
            </form>
            """;
        return Page(context, "Sign in", body, statusCode);
    }

    private static IResult SignedIn(HttpContext context) =>
        Page(context, "Signed in", "<h1>You are signed in.</h1>", StatusCodes.Status200OK);

    internal static IResult Page(HttpContext context, string title, string body, int statusCode)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // No scripts at all, and no framing (clickjacking). No form-action: after the POST the
        // browser is redirected on to the client's redirect URI, which form-action would block.
        headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{HtmlEncoder.Default.Encode(title)}} · Ledger</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 24rem; margin: 4rem auto; padding: 0 1rem; }
            form { display: grid; gap: .5rem; }
            input, button { font: inherit; padding: .5rem; }
            .error { color: #a00; }
            </style>
            </head>
            <body>
            <main>
            {{body}}
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }
}
