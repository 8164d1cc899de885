namespace Ledger.Application.Partners.Commands.DisablePartnerClient;

/// <summary>
/// Disables a partner client: it gets no new tokens, its stored tokens are revoked, and every
/// grant it holds is revoked, so that its next request to group data fails even with an access
/// token that has not expired yet. Platform admins only.
/// </summary>
public sealed record DisablePartnerClient(string ClientId) : ICommand<Unit>, IRequiresAccess
{
    public Access Access => Access.Admin;
}

public sealed class DisablePartnerClientValidator : AbstractValidator<DisablePartnerClient>
{
    public DisablePartnerClientValidator() => RuleFor(c => c.ClientId).MustBeAClientId();
}

public sealed class DisablePartnerClientHandler(
    IApplicationDbContext db,
    IPartnerClients clients,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<DisablePartnerClient, Unit>
{
    public async ValueTask<Unit> Handle(
        DisablePartnerClient command,
        CancellationToken cancellationToken
    )
    {
        if (!await clients.DisableAsync(command.ClientId, cancellationToken))
        {
            throw new NotFoundException("client");
        }

        var grants = await db
            .IntegrationGrants.Where(g => g.ClientId == command.ClientId && g.RevokedAt == null)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var grant in grants)
        {
            grant.Revoke(now);
            audit.Record(
                PartnerAudit.GrantRevoked,
                PartnerAudit.GrantRecord,
                grant.Id,
                grant.GroupId
            );
        }

        audit.Record(
            PartnerAudit.ClientDisabled,
            PartnerAudit.ClientRecord,
            command.ClientId,
            null
        );
        return Unit.Value;
    }
}
