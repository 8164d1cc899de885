using Ledger.Application.Groups.Specifications;
using Ledger.Domain.Groups;

namespace Ledger.Application.Groups.Commands.CreateInvite;

/// <summary>
/// Creates an invite code for a group, valid until <see cref="ExpiresAt"/> (at most 30 days
/// ahead) for at most <see cref="MaxUses"/> joins. Owners only. The code is shown once, here:
/// only its hash is stored.
/// </summary>
public sealed record CreateInvite(GroupId GroupId, DateTimeOffset ExpiresAt, int MaxUses)
    : ICommand<CreatedInviteDto>,
        IRequiresAccess
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed record CreatedInviteDto(
    Guid Id,
    Guid GroupId,
    string Code,
    DateTimeOffset ExpiresAt,
    int MaxUses
);

public sealed class CreateInviteValidator : AbstractValidator<CreateInvite>
{
    public CreateInviteValidator(TimeProvider clock)
    {
        RuleFor(c => c.MaxUses).InclusiveBetween(1, Invite.MaxUsesLimit);
        RuleFor(c => c.ExpiresAt)
            .Must(expiresAt =>
                expiresAt > clock.GetUtcNow() && expiresAt <= clock.GetUtcNow() + Invite.MaxValidity
            )
            .WithMessage(
                $"'Expires At' must be in the future and at most {Invite.MaxValidity.TotalDays} days ahead."
            );
    }
}

public sealed class CreateInviteHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<CreateInvite, CreatedInviteDto>
{
    public async ValueTask<CreatedInviteDto> Handle(
        CreateInvite command,
        CancellationToken cancellationToken
    )
    {
        var group = await db.LoadAsync(
            new GroupWithMembershipsSpec(command.GroupId),
            cancellationToken
        );
        var code = SecretTokens.Create();
        var invite = group.CreateInvite(
            principal.RequireUserId(),
            SecretTokens.Hash(code),
            clock.GetUtcNow(),
            command.ExpiresAt,
            command.MaxUses
        );

        audit.Record(GroupAudit.InviteCreated, GroupAudit.InviteRecord, invite.Id, group.Id);
        return new CreatedInviteDto(
            invite.Id.Value,
            group.Id.Value,
            code,
            invite.ExpiresAt,
            invite.MaxUses
        );
    }
}
