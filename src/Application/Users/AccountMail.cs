using Microsoft.Extensions.Logging;

namespace Ledger.Application.Users;

/// <summary>
/// Queues an account email without letting its fate show in the response: a caller must not
/// learn from a failure that an address has an account. Failures are logged by user id. The
/// mail is queued in the command's transaction and sent by the worker after COMMIT (ADR 0036):
/// a rolled-back command sends nothing, a retried one sends once, and no request waits on SMTP.
/// </summary>
public sealed partial class AccountMail(IAccountMailer mailer, ILogger<AccountMail> logger)
{
    public async Task SendQuietlyAsync(
        AccountToken? token,
        Func<IAccountMailer, AccountToken, CancellationToken, Task> send,
        CancellationToken cancellationToken
    )
    {
        if (token is null)
        {
            return;
        }

        try
        {
            await send(mailer, token, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSendFailed(exception.GetType().Name, token.UserId.Value);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Could not send an account email ({ErrorType}) to user {UserId}"
    )]
    private partial void LogSendFailed(string errorType, Guid userId);
}
