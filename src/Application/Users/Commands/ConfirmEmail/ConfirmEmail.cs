using FluentValidation.Results;
using Ledger.Domain.Audit;

namespace Ledger.Application.Users.Commands.ConfirmEmail;

/// <summary>Confirms an account's email with the token from the mailed link (once).</summary>
public sealed record ConfirmEmail(Guid UserId, string Token) : ICommand<Unit>, IRequiresAccess
{
    public Access Access => Access.Anonymous;
}

public sealed class ConfirmEmailValidator : AbstractValidator<ConfirmEmail>
{
    public ConfirmEmailValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Token).NotEmpty().MaximumLength(AccountLinks.TokenMaxLength);
    }
}

public sealed class ConfirmEmailHandler(
    IIdentityService identity,
    IApplicationDbContext db,
    TimeProvider clock
) : ICommandHandler<ConfirmEmail, Unit>
{
    public async ValueTask<Unit> Handle(ConfirmEmail command, CancellationToken cancellationToken)
    {
        var user = UserId.From(command.UserId);
        if (!await identity.ConfirmEmailAsync(user, command.Token, cancellationToken))
        {
            throw new ValidationException([
                new ValidationFailure(nameof(ConfirmEmail.Token), AccountLinks.InvalidLinkMessage),
            ]);
        }

        // Anonymous caller: the account itself is the actor.
        db.AuditEvents.Add(
            AuditEvent.Record(
                user,
                null,
                UserAudit.EmailConfirmed,
                UserAudit.UserRecord,
                user.ToString(),
                null,
                clock.GetUtcNow()
            )
        );
        return Unit.Value;
    }
}
