using Ledger.Application.Common.Paging;
using Ledger.Domain.Settlements;

namespace Ledger.Application.Settlements.Queries.ListSettlements;

/// <summary>A group's settlements, newest first, a page at a time; voided ones included and marked.</summary>
public sealed record ListSettlements(GroupId GroupId, int? Limit = null, string? Cursor = null)
    : GroupListingQuery<SettlementDto>(GroupId, Limit, Cursor);

public sealed class ListSettlementsValidator : PagedQueryValidator<ListSettlements>;

public sealed class ListSettlementsHandler(IApplicationDbContext db, CursorCodec cursors)
    : IQueryHandler<ListSettlements, Page<SettlementDto>>
{
    public async ValueTask<Page<SettlementDto>> Handle(
        ListSettlements query,
        CancellationToken cancellationToken
    ) =>
        await cursors.ReadPageAsync(
            query,
            NewestFirst,
            $"settlements:{query.GroupId}",
            db.Settlements.AsNoTracking().Where(s => s.GroupId == query.GroupId),
            SettlementDto.From,
            cancellationToken
        );

    private static readonly KeysetOrder<Settlement> NewestFirst =
        KeysetOrder<Settlement>.Descending(s => s.Id);
}
