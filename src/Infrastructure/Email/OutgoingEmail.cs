namespace Ledger.Infrastructure.Email;

/// <summary>The account emails Ledger sends; each renders its own subject, text and link.</summary>
public enum AccountEmailKind
{
    EmailConfirmation,
    PasswordReset,

    /// <summary>Someone tried to register with the address: tells its owner, with a reset link.</summary>
    AccountExists,
}

/// <summary>
/// An account email queued in the transaction of the command that asked for it (ADR 0036): it
/// exists exactly when that command committed, and the worker sends it afterwards. It holds no
/// address or name — the recipient is looked up by <see cref="UserId"/> when it is sent, so a
/// deleted (anonymized) account gets nothing — and the link's token only encrypted
/// (<see cref="ProtectedToken"/>, ASP.NET Core data protection).
/// </summary>
public sealed class OutgoingEmail
{
    public const int ErrorMaxLength = 100;

    private OutgoingEmail()
    {
        ProtectedToken = string.Empty;
    }

    public Guid Id { get; private init; }
    public Guid UserId { get; private init; }
    public AccountEmailKind Kind { get; private init; }

    /// <summary>The link's single-use token, encrypted with <see cref="EmailTokenProtection.Purpose"/>.</summary>
    public string ProtectedToken { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>When it was abandoned: its link expired, or its account is gone.</summary>
    public DateTimeOffset? GivenUpAt { get; private set; }

    /// <summary>The type of the last failure (never a message: it could quote an address).</summary>
    public string? LastError { get; private set; }

    public static OutgoingEmail Queue(
        AccountEmailKind kind,
        Guid userId,
        string protectedToken,
        DateTimeOffset now
    ) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Kind = kind,
            ProtectedToken = protectedToken,
            CreatedAt = now,
            NextAttemptAt = now,
        };

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
    }

    public void MarkFailed(string error, DateTimeOffset now, TimeSpan retryAfter)
    {
        Attempts++;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        NextAttemptAt = now + retryAfter;
    }

    public void GiveUp(string reason, DateTimeOffset now)
    {
        GivenUpAt = now;
        LastError = reason;
    }
}
