using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ledger.Infrastructure.Identity;

/// <summary>
/// Revokes every OpenIddict authorization and token of a user, in the caller's transaction.
/// The API validates token and authorization entries on every request, so a revoked access
/// token stops working at once, and a revoked refresh token can never be redeemed.
/// </summary>
internal static class SessionRevocation
{
    public static async Task RevokeAllAsync(
        ApplicationDbContext db,
        Guid userId,
        CancellationToken cancellationToken
    )
    {
        var subject = userId.ToString();
        await db.Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(t => t.Subject == subject && t.Status != Statuses.Revoked)
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.Status, Statuses.Revoked),
                cancellationToken
            );
        await db.Set<OpenIddictEntityFrameworkCoreAuthorization>()
            .Where(a => a.Subject == subject && a.Status != Statuses.Revoked)
            .ExecuteUpdateAsync(
                s => s.SetProperty(a => a.Status, Statuses.Revoked),
                cancellationToken
            );
    }
}
