namespace Ledger.Infrastructure.Email;

/// <summary>
/// The <c>Email</c> configuration section. No defaults for the server or sender, and no
/// credentials unless configured: an unconfigured host sends nothing (and logs that it could not).
/// </summary>
public sealed class EmailSettings
{
    public const string Section = "Email";

    public SmtpSettings Smtp { get; init; } = new();

    /// <summary>
    /// Where the links in account emails point: the frontend page that posts the token back to
    /// the API (<c>{LinkBaseUrl}/confirm-email?userId=..&amp;token=..</c>, <c>/reset-password</c>).
    /// </summary>
    public string? LinkBaseUrl { get; init; }

    /// <summary>The queue of account emails the worker sends (ADR 0036).</summary>
    public EmailOutboxSettings Outbox { get; init; } = new();
}

/// <summary>The <c>Email:Outbox</c> section: how the worker's sender works through the queue.</summary>
public sealed class EmailOutboxSettings
{
    /// <summary>Emails claimed (and sent) per transaction.</summary>
    public int BatchSize { get; init; } = 20;

    /// <summary>The first retry's delay; each further failure doubles it (with jitter).</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long sent and abandoned rows are kept before the sender purges them.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);
}

public sealed class SmtpSettings
{
    public string? Host { get; init; }

    public int Port { get; init; } = 587;

    /// <summary>The sender address, e.g. <c>Ledger &lt;no-reply@ledger.example&gt;</c>.</summary>
    public string? From { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>Auto (STARTTLS when offered), None, StartTls or SslOnConnect.</summary>
    public string Security { get; init; } = "Auto";
}
