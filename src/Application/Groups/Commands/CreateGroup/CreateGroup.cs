using FluentValidation;
using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Mediator;

namespace Ledger.Application.Groups.Commands.CreateGroup;

/// <summary>Creates a group; the creator becomes its first owner.</summary>
public sealed record CreateGroup(string Name, string DefaultCurrency, string TimeZone)
    : ICommand<GroupDto>;

public sealed class CreateGroupValidator : AbstractValidator<CreateGroup>
{
    public CreateGroupValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Group.NameMaxLength);
        RuleFor(c => c.DefaultCurrency)
            .NotEmpty()
            .Must(code => Iso4217.TryGetMinorUnits(code, out _))
            .WithMessage("'Default Currency' must be an ISO 4217 currency code such as EUR.");
        RuleFor(c => c.TimeZone)
            .NotEmpty()
            .MaximumLength(64)
            .Must(zone => TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            .WithMessage("'Time Zone' must be an IANA time zone id such as Europe/Berlin.");
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
        audit.Record("group.created", "group", group.Id, group.Id);
        return ValueTask.FromResult(GroupDto.From(group, GroupRole.Owner));
    }
}
