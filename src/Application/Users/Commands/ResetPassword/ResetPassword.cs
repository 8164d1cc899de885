using Ledger.Domain.Audit;

namespace Ledger.Application.Users.Commands.ResetPassword;

/// <summary>
/// Sets a new password with the token from a reset link. The token works once (the password
/// change rotates the stamp it is bound to) and expires; every token of the user is revoked.
/// </summary>
public sealed record ResetPassword(Guid UserId, string Token, string NewPassword)
    : ICommand<Unit>,
        IRequiresAccess
{
    public Access Access => Access.Anonymous;
}

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Token).NotEmpty().MaximumLength(AccountLinks.TokenMaxLength);
        RuleFor(c => c.NewPassword).ValidNewPassword();
    }
}

public sealed class ResetPasswordHandler(
    IIdentityService identity,
    IApplicationDbContext db,
    TimeProvider clock
) : ICommandHandler<ResetPassword, Unit>
{
    public async ValueTask<Unit> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        var user = UserId.From(command.UserId);
        var result = await identity.ResetPasswordAsync(
            user,
            command.Token,
            command.NewPassword,
            cancellationToken
        );
        PasswordOutcomes.ThrowIfRefused(
            result,
            nameof(ResetPassword.Token),
            AccountLinks.InvalidLinkMessage,
            nameof(ResetPassword.NewPassword)
        );
        db.AuditEvents.Add(
            AuditEvent.Record(
                user,
                null,
                UserAudit.PasswordReset,
                UserAudit.UserRecord,
                user.ToString(),
                null,
                clock.GetUtcNow()
            )
        );
        return Unit.Value;
    }
}
