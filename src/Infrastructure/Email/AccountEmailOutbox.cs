using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using Ledger.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ledger.Infrastructure.Email;

/// <summary>
/// Works through <c>outgoing_emails</c> for the worker's <c>SendQueuedEmails</c> command, inside
/// its transaction (ADR 0036). Logs ids and error types only: never an address, a name or a token.
/// </summary>
public sealed partial class AccountEmailOutbox(
    ApplicationDbContext db,
    EmailTokenProtection tokens,
    SmtpAccountEmailSender smtp,
    IOptions<EmailSettings> settings,
    IOptions<DataProtectionTokenProviderOptions> tokenOptions,
    TimeProvider clock,
    ILogger<AccountEmailOutbox> logger
) : IAccountEmailOutbox
{
    public async Task<AccountEmailBatch> SendDueAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The claim's row locks need a transaction.");
        }

        var outbox = settings.Value.Outbox;
        var now = clock.GetUtcNow();
        var due = await db.Set<OutgoingEmail>()
            .FromSql(
                $"""
                SELECT * FROM outgoing_emails
                WHERE sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT {outbox.BatchSize}
                FOR UPDATE SKIP LOCKED
                """
            )
            .ToListAsync(cancellationToken);

        var userIds = due.Select(e => e.UserId).Distinct().ToList();
        var recipients = await db
            .Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
            })
            .ToDictionaryAsync(u => u.Id, cancellationToken);

        int sent = 0,
            failed = 0,
            abandoned = 0;
        foreach (var email in due)
        {
            if (!recipients.TryGetValue(email.UserId, out var recipient))
            {
                email.GiveUp("account-gone", now);
                abandoned++;
                continue;
            }

            if (now - email.CreatedAt > tokenOptions.Value.TokenLifespan)
            {
                email.GiveUp("link-expired", now);
                abandoned++;
                LogAbandoned(email.Id, email.UserId);
                continue;
            }

            try
            {
                var token = new AccountToken(
                    UserId.From(recipient.Id),
                    recipient.Email!,
                    recipient.DisplayName,
                    tokens.Unprotect(email.ProtectedToken)
                );
                await smtp.SendAsync(email.Kind, token, cancellationToken);
                email.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var retryAfter = RetryDelay(email.Attempts + 1, outbox);
                email.MarkFailed(exception.GetType().Name, now, retryAfter);
                failed++;
                LogSendFailed(exception.GetType().Name, email.Id, email.UserId, email.Attempts);
            }
        }

        var horizon = now - outbox.Retention;
        var purged = await db.Set<OutgoingEmail>()
            .Where(e =>
                (e.SentAt != null && e.SentAt < horizon)
                || (e.GivenUpAt != null && e.GivenUpAt < horizon)
            )
            .OrderBy(e => e.Id)
            .Take(outbox.BatchSize)
            .ExecuteDeleteAsync(cancellationToken);

        return new AccountEmailBatch(
            sent,
            failed,
            abandoned,
            purged,
            due.Count == outbox.BatchSize
        );
    }

    /// <summary>Exponential (first delay doubled per failure, capped) with up to 20 % jitter.</summary>
    public static TimeSpan RetryDelay(int attempt, EmailOutboxSettings outbox)
    {
        var exponent = Math.Min(attempt - 1, 20);
        var delay = TimeSpan.FromTicks(
            Math.Min(outbox.FirstRetryDelay.Ticks * (1L << exponent), outbox.MaxRetryDelay.Ticks)
        );
        return delay + delay * (Random.Shared.NextDouble() * 0.2);
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Could not send account email {EmailId} ({ErrorType}) to user {UserId}, attempt {Attempt}; retrying later"
    )]
    private partial void LogSendFailed(string errorType, Guid emailId, Guid userId, int attempt);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Abandoned account email {EmailId} to user {UserId}: its link expired before it could be sent"
    )]
    private partial void LogAbandoned(Guid emailId, Guid userId);
}
