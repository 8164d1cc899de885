using Ledger.Application.Common.Interfaces;
using Ledger.Infrastructure.Persistence;

namespace Ledger.Infrastructure.Email;

/// <summary>
/// Queues account emails in <c>outgoing_emails</c>, in the transaction of the command that asks
/// for them (ADR 0036): a rolled-back command sends nothing, a retried one queues its mail once,
/// and the request never waits on SMTP. <c>SendQueuedEmails</c> (a worker job) sends them.
/// </summary>
public sealed class QueuedAccountMailer(
    ApplicationDbContext db,
    EmailTokenProtection tokens,
    TimeProvider clock
) : IAccountMailer
{
    public Task SendEmailConfirmationAsync(
        AccountToken token,
        CancellationToken cancellationToken
    ) => QueueAsync(AccountEmailKind.EmailConfirmation, token);

    public Task SendPasswordResetAsync(AccountToken token, CancellationToken cancellationToken) =>
        QueueAsync(AccountEmailKind.PasswordReset, token);

    public Task SendAccountExistsAsync(AccountToken token, CancellationToken cancellationToken) =>
        QueueAsync(AccountEmailKind.AccountExists, token);

    private Task QueueAsync(AccountEmailKind kind, AccountToken token)
    {
        if (db.Database.CurrentTransaction is null)
        {
            // Outside a command's transaction nothing would tie the mail to a committed change.
            throw new InvalidOperationException("Account mail is queued inside a command.");
        }

        db.Set<OutgoingEmail>()
            .Add(
                OutgoingEmail.Queue(
                    kind,
                    token.UserId.Value,
                    tokens.Protect(token.Token),
                    clock.GetUtcNow()
                )
            );
        return Task.CompletedTask;
    }
}
