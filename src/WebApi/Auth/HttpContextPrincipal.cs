using System.Security.Claims;
using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;

namespace Ledger.WebApi.Auth;

/// <summary>The caller of the current HTTP request, read from the validated access token's claims.</summary>
public sealed class HttpContextPrincipal(IHttpContextAccessor accessor) : ICurrentPrincipal
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public UserId? UserId =>
        User?.FindFirst("sub")?.Value is { } subject && Guid.TryParse(subject, out var id)
            ? new UserId(id)
            : null;

    public string? ClientId => UserId is null ? User?.FindFirst("client_id")?.Value : null;

    public bool IsPlatformAdmin => false;
}
