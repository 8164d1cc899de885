namespace Ledger.Application.Common.Interfaces;

/// <summary>Sends the account emails (links carrying single-use tokens) to the account's own address.</summary>
public interface IAccountMailer
{
    Task SendEmailConfirmationAsync(AccountToken token, CancellationToken cancellationToken);

    Task SendPasswordResetAsync(AccountToken token, CancellationToken cancellationToken);
}
