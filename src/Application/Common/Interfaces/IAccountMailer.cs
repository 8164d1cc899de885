namespace Ledger.Application.Common.Interfaces;

/// <summary>
/// The account emails (links carrying single-use tokens) to the account's own address. Called
/// inside a command: the mail is queued in its transaction and sent by the worker once it
/// committed (<see cref="IAccountEmailOutbox"/>, ADR 0036).
/// </summary>
public interface IAccountMailer
{
    Task SendEmailConfirmationAsync(AccountToken token, CancellationToken cancellationToken);

    Task SendPasswordResetAsync(AccountToken token, CancellationToken cancellationToken);

    /// <summary>
    /// Someone tried to register with the address of this account: tells its owner, with a
    /// password reset link in case they forgot that they have one.
    /// </summary>
    Task SendAccountExistsAsync(AccountToken token, CancellationToken cancellationToken);
}
