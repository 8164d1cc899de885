namespace Ledger.Application.Groups.Commands.RemoveMember;

/// <summary>
/// Ends another member's membership (kept for history). Owners only; not an owner (demote them
/// first) and not while the member's balance in any currency is open.
/// </summary>
public sealed record RemoveMember(GroupId GroupId, UserId UserId) : ICommand, IRequiresAccess
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class RemoveMemberValidator : AbstractValidator<RemoveMember>
{
    public RemoveMemberValidator() => RuleFor(c => c.UserId).MustBeAUserId();
}

public sealed class RemoveMemberHandler(
    IApplicationDbContext db,
    IBalanceReader balances,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<RemoveMember>
{
    public async ValueTask<Unit> Handle(RemoveMember command, CancellationToken cancellationToken)
    {
        var group = await db.LockAndLoadWithMembershipsAsync(command.GroupId, cancellationToken);
        var membership = group.RequireActiveMembership(command.UserId);
        var openCurrencies = await balances.OpenCurrenciesOfMemberAsync(
            group.Id,
            command.UserId,
            cancellationToken
        );

        group.RemoveMember(command.UserId, openCurrencies, clock.GetUtcNow());
        audit.RecordMembership(GroupAudit.MemberRemoved, membership);
        return Unit.Value;
    }
}
