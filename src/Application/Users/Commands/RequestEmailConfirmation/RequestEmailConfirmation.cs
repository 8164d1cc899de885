namespace Ledger.Application.Users.Commands.RequestEmailConfirmation;

/// <summary>
/// Mails a confirmation link to the address if an unconfirmed account has it. The answer is the
/// same whether or not one does.
/// </summary>
public sealed record RequestEmailConfirmation(string Email) : ICommand<Unit>, IRequiresAccess
{
    public Access Access => Access.Anonymous;
}

public sealed class RequestEmailConfirmationValidator : AbstractValidator<RequestEmailConfirmation>
{
    public RequestEmailConfirmationValidator() =>
        RuleFor(c => c.Email).NotEmpty().MaximumLength(UserRules.EmailMaxLength).EmailAddress();
}

public sealed class RequestEmailConfirmationHandler(IIdentityService identity, AccountMail mail)
    : ICommandHandler<RequestEmailConfirmation, Unit>
{
    public async ValueTask<Unit> Handle(
        RequestEmailConfirmation command,
        CancellationToken cancellationToken
    )
    {
        var token = await identity.CreateEmailConfirmationTokenAsync(
            command.Email.Trim(),
            cancellationToken
        );
        await mail.SendQuietlyAsync(
            token,
            (mailer, t, ct) => mailer.SendEmailConfirmationAsync(t, ct),
            cancellationToken
        );
        return Unit.Value;
    }
}
