using Ledger.Application.Groups.Specifications;

namespace Ledger.Application.Groups.Commands.UpdateGroupSettings;

/// <summary>
/// Changes a group's name, default currency and time zone, if the caller saw the current
/// version. Owners only.
/// </summary>
public sealed record UpdateGroupSettings(
    GroupId GroupId,
    string Name,
    string DefaultCurrency,
    string TimeZone,
    int ExpectedVersion
) : ICommand<GroupDto>, IRequiresAccess, IVersionedCommand
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class UpdateGroupSettingsValidator : AbstractValidator<UpdateGroupSettings>
{
    public UpdateGroupSettingsValidator()
    {
        RuleFor(c => c.Name).MustBeAGroupName();
        RuleFor(c => c.DefaultCurrency).MustBeACurrencyCode();
        RuleFor(c => c.TimeZone).MustBeATimeZone();
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class UpdateGroupSettingsHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit
) : ICommandHandler<UpdateGroupSettings, GroupDto>
{
    public async ValueTask<GroupDto> Handle(
        UpdateGroupSettings command,
        CancellationToken cancellationToken
    )
    {
        // No lock: optimistic by design. Writers that read the same version race on the
        // version column and all but one get a conflict (R3).
        var group = await db.LoadAsync(
            new GroupWithMembershipsSpec(command.GroupId),
            cancellationToken
        );
        command.EnsureCurrent(group, GroupAudit.GroupRecord);

        group.UpdateSettings(command.Name, command.DefaultCurrency, command.TimeZone);
        audit.RecordGroup(GroupAudit.SettingsUpdated, group);
        return GroupDto.From(group, group.ActiveMembershipOf(principal.RequireUserId())?.Role);
    }
}
