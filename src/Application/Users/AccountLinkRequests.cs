using Ledger.Application.Users.Commands.RequestEmailConfirmation;
using Ledger.Application.Users.Commands.RequestPasswordReset;

namespace Ledger.Application.Users;

/// <summary>
/// A request for a single-use link by email (anyone may ask): the answer is the same whether or
/// not an account has the address, so it never tells who has an account.
/// </summary>
public abstract record AccountLinkRequest(string Email) : ICommand<Unit>, IRequiresAccess
{
    public Access Access => Access.Anonymous;
}

/// <summary>The address must look like one, within the length an account email may have.</summary>
public abstract class AccountLinkRequestValidator<TCommand> : AbstractValidator<TCommand>
    where TCommand : AccountLinkRequest
{
    protected AccountLinkRequestValidator() =>
        RuleFor(c => c.Email).NotEmpty().MaximumLength(UserRules.EmailMaxLength).EmailAddress();
}

/// <summary>
/// Creates the link's token if an account qualifies and mails it quietly
/// (<see cref="AccountMail"/>). The two requests differ only in the kind of link.
/// </summary>
public sealed class AccountLinkRequestHandler(IIdentityService identity, AccountMail mail)
    : ICommandHandler<RequestEmailConfirmation, Unit>,
        ICommandHandler<RequestPasswordReset, Unit>
{
    public async ValueTask<Unit> Handle(
        RequestEmailConfirmation command,
        CancellationToken cancellationToken
    )
    {
        await mail.SendQuietlyAsync(
            await identity.CreateEmailConfirmationTokenAsync(
                command.Email.Trim(),
                cancellationToken
            ),
            (mailer, token, ct) => mailer.SendEmailConfirmationAsync(token, ct),
            cancellationToken
        );
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(
        RequestPasswordReset command,
        CancellationToken cancellationToken
    )
    {
        await mail.SendQuietlyAsync(
            await identity.CreatePasswordResetTokenAsync(command.Email.Trim(), cancellationToken),
            (mailer, token, ct) => mailer.SendPasswordResetAsync(token, ct),
            cancellationToken
        );
        return Unit.Value;
    }
}
