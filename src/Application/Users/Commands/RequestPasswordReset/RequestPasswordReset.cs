namespace Ledger.Application.Users.Commands.RequestPasswordReset;

/// <summary>
/// Mails a password reset link to the address if an account has it. The answer is the same
/// whether or not one does.
/// </summary>
public sealed record RequestPasswordReset(string Email) : ICommand<Unit>, IRequiresAccess
{
    public Access Access => Access.Anonymous;
}

public sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator() =>
        RuleFor(c => c.Email).NotEmpty().MaximumLength(UserRules.EmailMaxLength).EmailAddress();
}

public sealed class RequestPasswordResetHandler(IIdentityService identity, AccountMail mail)
    : ICommandHandler<RequestPasswordReset, Unit>
{
    public async ValueTask<Unit> Handle(
        RequestPasswordReset command,
        CancellationToken cancellationToken
    )
    {
        var token = await identity.CreatePasswordResetTokenAsync(
            command.Email.Trim(),
            cancellationToken
        );
        await mail.SendQuietlyAsync(
            token,
            (mailer, t, ct) => mailer.SendPasswordResetAsync(t, ct),
            cancellationToken
        );
        return Unit.Value;
    }
}
