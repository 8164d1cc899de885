namespace Ledger.Application.Users.Commands.ChangePassword;

/// <summary>
/// Changes the caller's password after checking the current one. Every token of the user is
/// revoked, this session's included: the client signs in again with the new password. Wrong
/// current passwords count towards lockout (<see cref="ReauthenticationBehaviour{TMessage,TResponse}"/>).
/// </summary>
public sealed record ChangePassword(string CurrentPassword, string NewPassword)
    : ICommand<Unit>,
        IRequiresAccess,
        IRequiresCurrentPassword
{
    public Access Access => Access.SignedInUser;
}

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(UserRules.PasswordMaximumLength);
        RuleFor(c => c.NewPassword).ValidNewPassword();
    }
}

public sealed class ChangePasswordHandler(
    IIdentityService identity,
    ICurrentPrincipal principal,
    AuditTrail audit
) : ICommandHandler<ChangePassword, Unit>
{
    public async ValueTask<Unit> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var me = principal.RequireUserId();
        var result = await identity.ChangePasswordAsync(
            me,
            command.CurrentPassword,
            command.NewPassword,
            cancellationToken
        );
        PasswordOutcomes.ThrowIfRefused(
            result,
            nameof(ChangePassword.CurrentPassword),
            "The current password is not correct.",
            nameof(ChangePassword.NewPassword)
        );
        audit.Record(UserAudit.PasswordChanged, UserAudit.UserRecord, me, null);
        return Unit.Value;
    }
}
