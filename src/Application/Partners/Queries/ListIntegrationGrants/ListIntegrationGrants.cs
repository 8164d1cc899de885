namespace Ledger.Application.Partners.Queries.ListIntegrationGrants;

/// <summary>
/// The group's active integration grants, oldest first. Owners only: who may act on the group
/// is part of its settings. Not paged: a group has one grant per partner it uses, a handful.
/// </summary>
public sealed record ListIntegrationGrants(GroupId GroupId)
    : IQuery<IReadOnlyList<IntegrationGrantDto>>,
        IRequiresAccess
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class ListIntegrationGrantsHandler(IApplicationDbContext db)
    : IQueryHandler<ListIntegrationGrants, IReadOnlyList<IntegrationGrantDto>>
{
    public async ValueTask<IReadOnlyList<IntegrationGrantDto>> Handle(
        ListIntegrationGrants query,
        CancellationToken cancellationToken
    )
    {
        var grants = await db
            .IntegrationGrants.AsNoTracking()
            .Where(g => g.GroupId == query.GroupId && g.RevokedAt == null)
            .OrderBy(g => g.GrantedAt)
            .ThenBy(g => g.Id)
            .ToListAsync(cancellationToken);
        return grants.Select(IntegrationGrantDto.From).ToList();
    }
}
