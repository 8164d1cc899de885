namespace Ledger.Application.Users;

/// <summary>The account field rules every use case shares (NIST SP 800-63B for passwords).</summary>
public static class UserValidation
{
    /// <summary>Length only: no digit, case or symbol rules. The common-password list is Identity's check.</summary>
    public static IRuleBuilderOptions<T, string> ValidNewPassword<T>(
        this IRuleBuilder<T, string> rule
    ) =>
        rule.NotEmpty()
            .MinimumLength(UserRules.PasswordMinimumLength)
            .MaximumLength(UserRules.PasswordMaximumLength);

    public static IRuleBuilderOptions<T, string> ValidDisplayName<T>(
        this IRuleBuilder<T, string> rule
    ) =>
        rule.NotEmpty()
            .Must(name => !string.IsNullOrWhiteSpace(name))
            .WithMessage("'Display Name' must not be blank.")
            .MaximumLength(UserRules.DisplayNameMaxLength);
}
