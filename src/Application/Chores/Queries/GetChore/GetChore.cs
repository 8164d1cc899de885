using Ledger.Application.Chores.Specifications;

namespace Ledger.Application.Chores.Queries.GetChore;

/// <summary>One chore with its rotation and open assignments.</summary>
public sealed record GetChore(ChoreId ChoreId) : IQuery<ChoreDto>, IRequiresAccess
{
    public Access Access => Access.Chore(ChoreId);
}

public sealed class GetChoreHandler(IApplicationDbContext db) : IQueryHandler<GetChore, ChoreDto>
{
    public async ValueTask<ChoreDto> Handle(GetChore query, CancellationToken cancellationToken)
    {
        var chore =
            await db.Apply(new ChoreForReadSpec(query.ChoreId))
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("chore");
        return ChoreDto.From(chore, await db.TimeZoneOfAsync(chore, cancellationToken));
    }
}
