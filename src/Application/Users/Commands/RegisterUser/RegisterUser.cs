using FluentValidation.Results;
using Ledger.Domain.Audit;

namespace Ledger.Application.Users.Commands.RegisterUser;

/// <summary>
/// Creates an account. Anyone may register; the new user is the actor of its audit event. An
/// address that already has an account gets the same answer as a new one (an id that names no
/// account), and its owner gets a mail instead: the answer never tells whether an address is
/// registered.
/// </summary>
public sealed record RegisterUser(string Email, string Password, string DisplayName)
    : ICommand<UserId>,
        IRequiresAccess
{
    public Access Access => Access.Anonymous;
}

public sealed class RegisterUserValidator : AbstractValidator<RegisterUser>
{
    public RegisterUserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(UserRules.EmailMaxLength).EmailAddress();
        // Length only (NIST SP 800-63B): no digit, case or symbol rules.
        RuleFor(c => c.Password)
            .NotEmpty()
            .MinimumLength(UserRules.PasswordMinimumLength)
            .MaximumLength(UserRules.PasswordMaximumLength);
        RuleFor(c => c.DisplayName)
            .NotEmpty()
            .Must(name => !string.IsNullOrWhiteSpace(name))
            .WithMessage("'Display Name' must not be blank.")
            .MaximumLength(UserRules.DisplayNameMaxLength);
    }
}

public sealed class RegisterUserHandler(
    IIdentityService identity,
    IApplicationDbContext db,
    TimeProvider clock,
    AccountMail mail
) : ICommandHandler<RegisterUser, UserId>
{
    public async ValueTask<UserId> Handle(RegisterUser command, CancellationToken cancellationToken)
    {
        var id = UserId.New();
        var now = clock.GetUtcNow();
        var result = await identity.CreateUserAsync(
            new NewUser(id, command.Email.Trim(), command.Password, command.DisplayName.Trim()),
            now,
            cancellationToken
        );

        switch (result.Outcome)
        {
            case RegistrationOutcome.EmailTaken:
                // Answered like a new account; the owner of the address hears of it by mail.
                await mail.SendQuietlyAsync(
                    await identity.CreatePasswordResetTokenAsync(
                        command.Email.Trim(),
                        cancellationToken
                    ),
                    (mailer, token, ct) => mailer.SendAccountExistsAsync(token, ct),
                    cancellationToken
                );
                return UserId.New();
            case RegistrationOutcome.EmailRejected:
                throw new ValidationException([
                    new ValidationFailure(
                        nameof(RegisterUser.Email),
                        "'Email' is not a valid email address."
                    ),
                ]);
            case RegistrationOutcome.PasswordRejected:
                throw new ValidationException(
                    result.PasswordProblems.Select(problem => new ValidationFailure(
                        nameof(RegisterUser.Password),
                        problem
                    ))
                );
        }

        db.AuditEvents.Add(
            AuditEvent.Record(id, null, "user.registered", "user", id.ToString(), null, now)
        );
        return id;
    }
}
