using Ledger.Domain.Groups;

namespace Ledger.Application.Groups.Commands.CreateGroup;

/// <summary>Creates a group; the creator becomes its first owner.</summary>
public sealed record CreateGroup(string Name, string DefaultCurrency, string TimeZone)
    : ICommand<GroupDto>,
        IRequiresAccess
{
    public Access Access => Access.SignedInUser;
}

public sealed class CreateGroupValidator : AbstractValidator<CreateGroup>
{
    public CreateGroupValidator()
    {
        RuleFor(c => c.Name).MustBeAGroupName();
        RuleFor(c => c.DefaultCurrency).MustBeACurrencyCode();
        RuleFor(c => c.TimeZone).MustBeATimeZone();
    }
}

public sealed class CreateGroupHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<CreateGroup, GroupDto>
{
    public ValueTask<GroupDto> Handle(CreateGroup command, CancellationToken cancellationToken)
    {
        var creator = principal.RequireUserId();
        var group = Group.Create(
            command.Name,
            command.DefaultCurrency,
            command.TimeZone,
            creator,
            clock.GetUtcNow()
        );
        db.Groups.Add(group);
        audit.RecordGroup(GroupAudit.Created, group);
        return ValueTask.FromResult(GroupDto.From(group, GroupRole.Owner));
    }
}
