using System.Security.Claims;
using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ledger.WebApi.Auth;

/// <summary>
/// Whether a user's token still stands for a live session: the account exists, is not
/// anonymized or locked out, and its security stamp is the one the token was issued under
/// (a password change or reset rotates it). Checked on every API request and every refresh,
/// so such tokens stop working at once, not at expiry. One primary-key read.
/// </summary>
public sealed class AccountSessions(ApplicationDbContext db, TimeProvider clock)
{
    /// <summary>True for tokens without a user (client credentials): there is no account to check.</summary>
    public async Task<bool> IsLiveAsync(
        ClaimsPrincipal principal,
        CancellationToken cancellationToken
    )
    {
        var subject = principal.GetClaim(Claims.Subject);
        // Client credentials tokens carry the client id as their subject (ClientCredentialsGrant).
        if (subject is null || subject == principal.GetClaim(Claims.ClientId))
        {
            return true;
        }

        if (!Guid.TryParse(subject, out var userId))
        {
            return false;
        }

        var account = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.IsActive,
                u.LockoutEnd,
                u.SecurityStamp,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return account is { IsActive: true }
            && (account.LockoutEnd is null || account.LockoutEnd <= clock.GetUtcNow())
            && principal.GetClaim(SecurityStamps.ClaimType)
                == SecurityStamps.Digest(account.SecurityStamp);
    }
}
