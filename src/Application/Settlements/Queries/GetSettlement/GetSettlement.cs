namespace Ledger.Application.Settlements.Queries.GetSettlement;

/// <summary>One settlement of the group, voided or not, for its members.</summary>
public sealed record GetSettlement(GroupId GroupId, SettlementId SettlementId)
    : GroupReadQuery<SettlementDto>(GroupId);

public sealed class GetSettlementHandler(IApplicationDbContext db)
    : IQueryHandler<GetSettlement, SettlementDto>
{
    public async ValueTask<SettlementDto> Handle(
        GetSettlement query,
        CancellationToken cancellationToken
    ) =>
        SettlementDto.From(
            await db.LoadSettlementAsync(
                query.GroupId,
                query.SettlementId,
                tracked: false,
                cancellationToken
            )
        );
}
