namespace Ledger.Application.Partners.Commands.RevokeIntegrationGrant;

/// <summary>
/// Revokes a partner's grant on a group; its next request to the group is refused. Owners only.
/// No validator: the ids are the only input, and authorization has resolved the group.
/// </summary>
public sealed record RevokeIntegrationGrant(GroupId GroupId, IntegrationGrantId GrantId)
    : ICommand<Unit>,
        IRequiresAccess
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class RevokeIntegrationGrantHandler(
    IApplicationDbContext db,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<RevokeIntegrationGrant, Unit>
{
    public async ValueTask<Unit> Handle(
        RevokeIntegrationGrant command,
        CancellationToken cancellationToken
    )
    {
        var grant =
            await db.IntegrationGrants.FirstOrDefaultAsync(
                g => g.GroupId == command.GroupId && g.Id == command.GrantId && g.RevokedAt == null,
                cancellationToken
            ) ?? throw new NotFoundException("grant");
        grant.Revoke(clock.GetUtcNow());
        audit.Record(PartnerAudit.GrantRevoked, PartnerAudit.GrantRecord, grant.Id, grant.GroupId);
        return Unit.Value;
    }
}
