using System.Security.Claims;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Partners;
using Ledger.Domain.Common;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ledger.WebApi.Auth;

/// <summary>
/// The caller of the current HTTP request, read from the validated access token: the user id
/// from <c>sub</c>; for a client credentials token (whose <c>sub</c> is the client id), the
/// client id. Platform admins are the users listed in <c>Admin:UserIds</c> and clients holding
/// the <c>ledger.admin</c> scope.
/// </summary>
public sealed class HttpContextPrincipal(
    IHttpContextAccessor accessor,
    IOptionsMonitor<PlatformAdminSettings> admins
) : ICurrentPrincipal
{
    private ClaimsPrincipal? User =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    private string? Subject => User?.FindFirst(Claims.Subject)?.Value;

    private string? TokenClientId => User?.FindFirst(Claims.ClientId)?.Value;

    private bool IsClientToken => TokenClientId is { } clientId && Subject == clientId;

    public UserId? UserId =>
        !IsClientToken && Guid.TryParse(Subject, out var id) ? Domain.Common.UserId.From(id) : null;

    public string? ClientId => UserId is null ? TokenClientId : null;

    public bool IsPartner => IsClientToken;

    public IReadOnlySet<string> Scopes =>
        User is { } user
            ? user.GetScopes()
                .Concat(
                    user.FindAll(Claims.Scope)
                        .SelectMany(claim =>
                            claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        )
                )
                .ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();

    public bool IsPlatformAdmin =>
        UserId is { } userId
            ? admins.CurrentValue.UserIds.Contains(userId.Value)
            : IsClientToken && Scopes.Contains(PartnerScopes.Admin);
}
