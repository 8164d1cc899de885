using Ledger.Application.Users.Queries.GetMe;

namespace Ledger.Application.Users.Commands.UpdateMe;

/// <summary>Changes the caller's display name.</summary>
public sealed record UpdateMe(string DisplayName) : ICommand<MeDto>, IRequiresAccess
{
    public Access Access => Access.SignedInUser;
}

public sealed class UpdateMeValidator : AbstractValidator<UpdateMe>
{
    public UpdateMeValidator() => RuleFor(c => c.DisplayName).ValidDisplayName();
}

public sealed class UpdateMeHandler(
    IIdentityService identity,
    ICurrentPrincipal principal,
    AuditTrail audit
) : ICommandHandler<UpdateMe, MeDto>
{
    public async ValueTask<MeDto> Handle(UpdateMe command, CancellationToken cancellationToken)
    {
        var me = principal.RequireUserId();
        var displayName = command.DisplayName.Trim();
        if (!await identity.SetDisplayNameAsync(me, displayName, cancellationToken))
        {
            throw new NotFoundException("user");
        }

        audit.Record(UserAudit.ProfileUpdated, UserAudit.UserRecord, me, null);
        return new MeDto(me.Value, displayName);
    }
}
