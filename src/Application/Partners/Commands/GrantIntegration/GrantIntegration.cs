using Ledger.Domain.Integrations;

namespace Ledger.Application.Partners.Commands.GrantIntegration;

/// <summary>
/// A group owner lets a partner client act on the group with <see cref="Scopes"/>
/// (<c>ledger.read</c>, <c>ledger.write</c>). One active grant per client and group: to change
/// the scopes, revoke and grant again.
/// </summary>
public sealed record GrantIntegration(
    GroupId GroupId,
    string ClientId,
    IReadOnlyList<string> Scopes
) : ICommand<IntegrationGrantDto>, IRequiresAccess
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class GrantIntegrationValidator : AbstractValidator<GrantIntegration>
{
    public GrantIntegrationValidator()
    {
        RuleFor(c => c.ClientId).MustBeAClientId();
        RuleFor(c => c.Scopes).MustBeScopesOf([.. IntegrationScopes.Grantable]);
    }
}

public sealed class GrantIntegrationHandler(
    IApplicationDbContext db,
    IPartnerClients clients,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<GrantIntegration, IntegrationGrantDto>
{
    public async ValueTask<IntegrationGrantDto> Handle(
        GrantIntegration command,
        CancellationToken cancellationToken
    )
    {
        var client = await clients.FindAsync(command.ClientId, cancellationToken);
        if (client is not { IsEnabled: true })
        {
            throw new NotFoundException("client");
        }

        // Two owners granting the same client at once: the second waits and sees the first.
        await db.LockGroupAsync(command.GroupId, cancellationToken);
        var alreadyGranted = await db.IntegrationGrants.AnyAsync(
            g =>
                g.GroupId == command.GroupId
                && g.ClientId == command.ClientId
                && g.RevokedAt == null,
            cancellationToken
        );
        if (alreadyGranted)
        {
            throw new BusinessRuleViolationException(
                "integration.already-granted",
                "This client already has a grant for this group; revoke it to change its scopes."
            );
        }

        var grant = IntegrationGrant.Create(
            command.GroupId,
            command.ClientId,
            command.Scopes,
            principal.RequireUserId(),
            clock.GetUtcNow()
        );
        db.IntegrationGrants.Add(grant);
        audit.Record(PartnerAudit.GrantCreated, PartnerAudit.GrantRecord, grant.Id, grant.GroupId);
        return IntegrationGrantDto.From(grant);
    }
}
