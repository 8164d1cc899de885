using Ledger.Application.Chores.Specifications;
using Ledger.Application.Common.Paging;
using Ledger.Domain.Chores;

namespace Ledger.Application.Chores.Queries.ListChores;

/// <summary>
/// A group's chores (with <see cref="GroupId"/>, members only) or the caller's personal chores,
/// a page at a time. Archived chores only on request.
/// </summary>
public sealed record ListChores(
    GroupId? GroupId = null,
    bool IncludeArchived = false,
    int? Limit = null,
    string? Cursor = null
) : OwnedListingQuery<ChoreDto>(GroupId, IncludeArchived, Limit, Cursor);

public sealed class ListChoresValidator : PagedQueryValidator<ListChores>;

public sealed class ListChoresHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    CursorCodec cursors
) : IQueryHandler<ListChores, Page<ChoreDto>>
{
    public async ValueTask<Page<ChoreDto>> Handle(
        ListChores query,
        CancellationToken cancellationToken
    )
    {
        var (owner, page) = cursors.OpenOwned(OldestFirst, "chores", query, principal);
        var chores = await page.Seek(db.Apply(new ChoresOfOwnerSpec(owner, query.IncludeArchived)))
            .ToListAsync(cancellationToken);
        // A personal chore carries its own time zone; a group's chores answer in the group's.
        var groupZone = owner.GroupId is { } group
            ? await db.GroupTimeZoneAsync(group, cancellationToken)
            : null;

        return page.ToPage(chores, c => ChoreDto.From(c, c.TimeZoneId ?? groupZone!));
    }

    private static readonly KeysetOrder<Chore> OldestFirst = KeysetOrder<Chore>.Ascending(c =>
        c.Id
    );
}
