using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ledger.Infrastructure.Sessions;

/// <summary>
/// Authentication of API requests in front of the bearer scheme's own handler:
/// <list type="bullet">
/// <item>An endpoint that allows anonymous callers gets no token work at all: its caller is
/// anonymous whatever it sends (unless it is marked <see cref="CallerReadWhenPresent"/>).</item>
/// <item>A bearer token this host validated lately, whose subject no session change has touched
/// since, is accepted from the <see cref="SessionCache"/>: no decryption, no token, authorization
/// or account read.</item>
/// </list>
/// Everything else goes to the inner service unchanged (ADR 0020).
/// </summary>
public sealed class CachedAuthenticationService(
    IAuthenticationService inner,
    SessionCache cache,
    IAuthenticationSchemeProvider schemes,
    string bearerScheme
) : IAuthenticationService
{
    public async Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme)
    {
        scheme ??= (await schemes.GetDefaultAuthenticateSchemeAsync())?.Name;
        if (scheme != bearerScheme)
        {
            return await inner.AuthenticateAsync(context, scheme);
        }

        if (
            context.GetEndpoint()?.Metadata is { } metadata
            && metadata.GetMetadata<IAllowAnonymous>() is not null
            && metadata.GetMetadata<CallerReadWhenPresent>() is null
        )
        {
            return AuthenticateResult.NoResult();
        }

        var token = BearerToken(context.Request);
        if (token is null || !cache.IsEnabled)
        {
            return await inner.AuthenticateAsync(context, scheme);
        }

        var key = Key(token);
        if (cache.Find(key) is { } cached)
        {
            return AuthenticateResult.Success(
                new AuthenticationTicket(
                    cached.Principal.Clone(),
                    cached.Properties.Clone(),
                    cached.AuthenticationScheme
                )
            );
        }

        var version = cache.Version;
        var result = await inner.AuthenticateAsync(context, scheme);
        if (
            result is { Succeeded: true, Ticket: { } ticket }
            && ticket.Principal.GetClaim(Claims.Subject) is { } subject
        )
        {
            cache.Add(
                key,
                new AuthenticationTicket(
                    ticket.Principal.Clone(),
                    ticket.Properties.Clone(),
                    ticket.AuthenticationScheme
                ),
                subject,
                version,
                ticket.Principal.GetExpirationDate() ?? ticket.Properties.ExpiresUtc
            );
        }

        return result;
    }

    public Task ChallengeAsync(
        HttpContext context,
        string? scheme,
        AuthenticationProperties? properties
    ) => inner.ChallengeAsync(context, scheme, properties);

    public Task ForbidAsync(
        HttpContext context,
        string? scheme,
        AuthenticationProperties? properties
    ) => inner.ForbidAsync(context, scheme, properties);

    public Task SignInAsync(
        HttpContext context,
        string? scheme,
        ClaimsPrincipal principal,
        AuthenticationProperties? properties
    ) => inner.SignInAsync(context, scheme, principal, properties);

    public Task SignOutAsync(
        HttpContext context,
        string? scheme,
        AuthenticationProperties? properties
    ) => inner.SignOutAsync(context, scheme, properties);

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7
            ? header[7..].Trim()
            : null;
    }

    private static string Key(string token) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
