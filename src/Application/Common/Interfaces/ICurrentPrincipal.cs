namespace Ledger.Application.Common.Interfaces;

/// <summary>
/// Who is sending the current message: a signed-in user, a partner client, an admin, or the
/// worker's system principal. Only ids, never emails or names.
/// </summary>
public interface ICurrentPrincipal
{
    UserId? UserId { get; }

    /// <summary>The OAuth client id when a partner (client credentials) or the worker acts.</summary>
    string? ClientId { get; }

    /// <summary>
    /// A platform admin: a user listed in configuration, or a client token with the
    /// <c>ledger.admin</c> scope.
    /// </summary>
    bool IsPlatformAdmin { get; }

    /// <summary>
    /// An integration partner (a client credentials token): it sees only groups whose owner
    /// granted it access, and nothing else. The worker's system principal is not a partner.
    /// </summary>
    bool IsPartner => false;

    /// <summary>The OAuth scopes of the caller's access token (empty for other principals).</summary>
    IReadOnlySet<string> Scopes => NoScopes;

    /// <summary>The worker acting for nobody in particular (scheduled maintenance).</summary>
    bool IsSystem => false;

    bool IsAuthenticated => UserId is not null || ClientId is not null;

    private static readonly IReadOnlySet<string> NoScopes = new HashSet<string>();
}

public static class CurrentPrincipalExtensions
{
    public static UserId RequireUserId(this ICurrentPrincipal principal) =>
        principal.UserId ?? throw new UnauthenticatedException();
}
