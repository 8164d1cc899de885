using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace Ledger.WebApi.Auth;

/// <summary>
/// "Sign out of Ledger?": what <c>/connect/logout</c> shows when the request carries no valid
/// <c>id_token_hint</c> of the signed-in user. The form posts the same logout parameters back,
/// with an anti-forgery token that a cross-site page cannot have.
/// </summary>
public static class LogoutPage
{
    // The logout request's own parameters, carried through the form; nothing else is.
    private static readonly string[] Carried =
    [
        "client_id",
        "post_logout_redirect_uri",
        "state",
        "ui_locales",
    ];

    public static IResult Confirm(
        HttpContext context,
        IAntiforgery antiforgery,
        int statusCode = StatusCodes.Status200OK
    )
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var source = context.Request.HasFormContentType
            ? context.Request.Form.ToDictionary(p => p.Key, p => p.Value.ToString())
            : context.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString());
        var fields = string.Concat(
            Carried
                .Where(name => source.TryGetValue(name, out var value) && value.Length > 0)
                .Select(name =>
                    $"""<input type="hidden" name="{html.Encode(name)}" value="{html.Encode(
                        source[name]
                    )}">"""
                )
        );
        var body = $"""
            <h1>Sign out of Ledger?</h1>
            <form method="post" action="{html.Encode(AuthorizationEndpoints.LogoutPath)}">
              <input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(
                tokens.RequestToken ?? ""
            )}">
              {fields}
              <button type="submit">Sign out</button>
            </form>
            """;
        return LoginPage.Page(context, "Sign out", body, statusCode);
    }
}
