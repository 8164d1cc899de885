using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Email;

/// <summary>
/// What a password-reset or confirmation request does when it queues no mail (no such account,
/// or nothing to confirm), so that inside the request it does the same kind of work as one that
/// queues a mail (issue 16 point 7, ADR 0036): a link token made by the same token provider for a
/// stand-in user that is never stored, encrypted as a queued mail's token is, and one statement
/// in the command's transaction that gives it a transaction id — so its COMMIT writes and
/// flushes a commit record, as the queued mail's INSERT makes it do. The same number of round
/// trips, nothing stored, nothing sent; the answer (status, body, headers) is the same. The
/// remaining difference is measured by the benchmark, not asserted in a test.
/// </summary>
public sealed class UnqueuedAccountMail(
    UserManager<ApplicationUser> users,
    ApplicationDbContext db,
    EmailTokenProtection tokens
)
{
    public async Task DoEquivalentWorkAsync(
        AccountEmailKind kind,
        CancellationToken cancellationToken
    )
    {
        var standIn = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        var token =
            kind == AccountEmailKind.PasswordReset
                ? await users.GeneratePasswordResetTokenAsync(standIn)
                : await users.GenerateEmailConfirmationTokenAsync(standIn);
        _ = tokens.Protect(token);
        if (db.Database.CurrentTransaction is not null)
        {
            await db
                .Database.SqlQuery<string>($"""SELECT pg_current_xact_id()::text AS "Value" """)
                .SingleAsync(cancellationToken);
        }
    }
}
