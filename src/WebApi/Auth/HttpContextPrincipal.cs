using System.Security.Claims;
using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ledger.WebApi.Auth;

/// <summary>
/// The caller of the current HTTP request, read from the validated access token: the user id
/// from <c>sub</c>; for a token without a user (client credentials), the client id.
/// </summary>
public sealed class HttpContextPrincipal(IHttpContextAccessor accessor) : ICurrentPrincipal
{
    private ClaimsPrincipal? User =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public UserId? UserId =>
        User?.FindFirst(Claims.Subject)?.Value is { } subject && Guid.TryParse(subject, out var id)
            ? new UserId(id)
            : null;

    public string? ClientId => UserId is null ? User?.FindFirst(Claims.ClientId)?.Value : null;

    public bool IsPlatformAdmin => false;
}
