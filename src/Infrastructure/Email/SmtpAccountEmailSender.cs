using Ledger.Application.Common.Interfaces;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ledger.Infrastructure.Email;

/// <summary>
/// Renders an account email and sends it over SMTP with MailKit: one connection per message
/// (they are rare). Settings are
/// read per message, so a reloaded <c>Email</c> section applies to the next one (ADR 0046). Called by the worker's sender only (<see cref="AccountEmailOutbox"/>).
/// </summary>
public sealed class SmtpAccountEmailSender(IOptionsMonitor<EmailSettings> options)
{
    private EmailSettings Settings => options.CurrentValue;

    public Task SendAsync(
        AccountEmailKind kind,
        AccountToken token,
        CancellationToken cancellationToken
    ) =>
        kind switch
        {
            AccountEmailKind.EmailConfirmation => SendAsync(
                token,
                "Confirm your email address for Ledger",
                "Confirm your email address by opening this link:",
                "confirm-email",
                cancellationToken
            ),
            AccountEmailKind.PasswordReset => SendAsync(
                token,
                "Reset your Ledger password",
                "Someone asked to reset the password of your Ledger account. If it was you, open this link to choose a new one; if not, ignore this message:",
                "reset-password",
                cancellationToken
            ),
            AccountEmailKind.AccountExists => SendAsync(
                token,
                "Your Ledger account",
                "Someone tried to create a Ledger account with this email address, which already has one. If it was you, sign in instead; if you forgot your password, open this link to choose a new one. If it was not you, ignore this message:",
                "reset-password",
                cancellationToken
            ),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

    private async Task SendAsync(
        AccountToken token,
        string subject,
        string introduction,
        string page,
        CancellationToken cancellationToken
    )
    {
        var smtp = Settings.Smtp;
        if (smtp.Host is null || smtp.From is null || Settings.LinkBaseUrl is null)
        {
            throw new InvalidOperationException(
                "Email is not configured: set Email:Smtp:Host, Email:Smtp:From and Email:LinkBaseUrl."
            );
        }

        var link = QueryHelpers.AddQueryString(
            $"{Settings.LinkBaseUrl.TrimEnd('/')}/{page}",
            new Dictionary<string, string?>
            {
                ["userId"] = token.UserId.Value.ToString(),
                ["token"] = token.Token,
            }
        );
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(new MailboxAddress(token.DisplayName, token.Email));
        message.Subject = subject;
        message.Body = new TextPart("plain")
        {
            Text = $"{introduction}\n\n{link}\n\nThe link works once and expires.\n",
        };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, SecurityOf(smtp), cancellationToken);
        if (smtp.UserName is not null)
        {
            await client.AuthenticateAsync(
                smtp.UserName,
                smtp.Password ?? string.Empty,
                cancellationToken
            );
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions SecurityOf(SmtpSettings smtp) =>
        Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var security)
            ? security
            : throw new InvalidOperationException("Email:Smtp:Security is not a known option.");
}
