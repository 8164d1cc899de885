using FluentValidation.Results;

namespace Ledger.Application.Users;

/// <summary>Turns a refused password change into a validation error on the right field.</summary>
internal static class PasswordOutcomes
{
    public static void ThrowIfRefused(
        PasswordChangeResult result,
        string verificationField,
        string verificationMessage,
        string passwordField
    )
    {
        switch (result.Outcome)
        {
            case PasswordChangeOutcome.NotVerified:
                throw new ValidationException([
                    new ValidationFailure(verificationField, verificationMessage),
                ]);
            case PasswordChangeOutcome.PasswordRejected:
                throw new ValidationException(
                    result.PasswordProblems.Select(problem => new ValidationFailure(
                        passwordField,
                        problem
                    ))
                );
        }
    }
}
