using Ledger.Application.Operations;

namespace Ledger.Application.Users.Commands.SendQueuedEmails;

/// <summary>
/// Sends the account emails queued by committed commands (confirmation, password reset,
/// account exists), one batch per transaction, and purges sent ones past their retention.
/// Idempotent: a claimed row is locked, a sent row is never sent again. A batch whose COMMIT
/// fails after its mails left is sent again (at least once: a rare duplicate, never a loss).
/// </summary>
public sealed record SendQueuedEmails : IScheduledCommand;

public sealed class SendQueuedEmailsHandler(IAccountEmailOutbox outbox)
    : ICommandHandler<SendQueuedEmails, JobReport>
{
    public async ValueTask<JobReport> Handle(
        SendQueuedEmails command,
        CancellationToken cancellationToken
    )
    {
        var batch = await outbox.SendDueAsync(cancellationToken);
        return new JobReport(
            $"Sent {batch.Sent} emails; {batch.Failed} failed (retried later); {batch.Abandoned} abandoned; purged {batch.Purged}.",
            NeedsAttention: batch.Failed > 0,
            Next: batch.More ? new SendQueuedEmails() : null
        );
    }
}
