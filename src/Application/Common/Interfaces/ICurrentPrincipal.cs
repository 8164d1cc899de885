using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Common;

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

    bool IsPlatformAdmin { get; }

    /// <summary>The worker acting for nobody in particular (scheduled maintenance).</summary>
    bool IsSystem => false;

    bool IsAuthenticated => UserId is not null || ClientId is not null;
}

public static class CurrentPrincipalExtensions
{
    public static UserId RequireUserId(this ICurrentPrincipal principal) =>
        principal.UserId ?? throw new UnauthenticatedException();
}
