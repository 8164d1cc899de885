using Ledger.Application.Lists.Specifications;

namespace Ledger.Application.Lists.Queries.GetList;

/// <summary>A list with its live items in order.</summary>
public sealed record GetList(ListId ListId) : IQuery<ListWithItemsDto>, IRequiresAccess
{
    public Access Access => Access.List(ListId);
}

public sealed class GetListHandler(IApplicationDbContext db)
    : IQueryHandler<GetList, ListWithItemsDto>
{
    public async ValueTask<ListWithItemsDto> Handle(
        GetList query,
        CancellationToken cancellationToken
    )
    {
        var list =
            await db.Apply(new ListWithLiveItemsSpec(query.ListId, tracked: false))
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("list");
        return ListWithItemsDto.Whole(list);
    }
}
