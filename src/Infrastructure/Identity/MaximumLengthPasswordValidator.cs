using Ledger.Application.Users;
using Microsoft.AspNetCore.Identity;

namespace Ledger.Infrastructure.Identity;

/// <summary>
/// Identity checks the minimum length only. A maximum (well above the 64 characters NIST asks
/// us to allow) keeps hashing cost bounded for every path that sets a password.
/// </summary>
public sealed class MaximumLengthPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = "PasswordTooLong";

    public Task<IdentityResult> ValidateAsync(
        UserManager<ApplicationUser> manager,
        ApplicationUser user,
        string? password
    ) =>
        Task.FromResult(
            password is { Length: > UserRules.PasswordMaximumLength }
                ? IdentityResult.Failed(
                    new IdentityError
                    {
                        Code = ErrorCode,
                        Description =
                            $"Passwords must be at most {UserRules.PasswordMaximumLength} characters.",
                    }
                )
                : IdentityResult.Success
        );
}
