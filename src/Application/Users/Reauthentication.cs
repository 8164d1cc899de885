using FluentValidation.Results;

namespace Ledger.Application.Users;

/// <summary>
/// A command that changes the account itself (password, deletion): a bearer token alone is not
/// enough, the caller proves again that they know the password.
/// </summary>
public interface IRequiresCurrentPassword
{
    string CurrentPassword { get; }
}

/// <summary>
/// Checks the current password of <see cref="IRequiresCurrentPassword"/> commands before their
/// transaction begins, so that a wrong guess is counted (Identity lockout: 5 failures lock the
/// account for 15 minutes) even though the command itself is refused and rolled back. A wrong
/// password answers 400 on <c>currentPassword</c>; a locked-out account answers 400 with the
/// code <c>user.locked-out</c> until the lockout ends, whatever password is given.
/// </summary>
public sealed class ReauthenticationBehaviour<TMessage, TResponse>(
    IIdentityService identity,
    ICurrentPrincipal principal
) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public const string LockedOutCode = "user.locked-out";

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken
    )
    {
        if (message is IRequiresCurrentPassword reauthenticating)
        {
            var outcome = await identity.VerifyCurrentPasswordAsync(
                principal.RequireUserId(),
                reauthenticating.CurrentPassword,
                cancellationToken
            );
            switch (outcome)
            {
                case ReauthenticationOutcome.LockedOut:
                    throw new DomainValidationException(
                        LockedOutCode,
                        "Too many wrong passwords: the account is locked for a while. Try again later.",
                        nameof(IRequiresCurrentPassword.CurrentPassword)
                    );
                case ReauthenticationOutcome.NotVerified:
                    throw new ValidationException([
                        new ValidationFailure(
                            nameof(IRequiresCurrentPassword.CurrentPassword),
                            "The current password is not correct."
                        ),
                    ]);
            }
        }

        return await next(message, cancellationToken);
    }
}
