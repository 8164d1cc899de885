using Ledger.Application.Common.Paging;
using Ledger.Domain.Groups;

namespace Ledger.Application.Groups.Queries.ListInvites;

/// <summary>
/// A group's invites, oldest first, for its owners: when each expires, how many uses it has left
/// and whether it was revoked. Never the code (only its hash is kept).
/// </summary>
public sealed record ListInvites(GroupId GroupId, int? Limit = null, string? Cursor = null)
    : IQuery<Page<InviteDto>>,
        IPagedQuery,
        IRequiresAccess
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed record InviteDto(
    Guid Id,
    Guid GroupId,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    int MaxUses,
    int Uses,
    DateTimeOffset? RevokedAt,
    bool IsUsable
)
{
    public static InviteDto From(Invite invite, DateTimeOffset now) =>
        new(
            invite.Id.Value,
            invite.GroupId.Value,
            invite.CreatedBy.Value,
            invite.CreatedAt,
            invite.ExpiresAt,
            invite.MaxUses,
            invite.Uses,
            invite.RevokedAt,
            invite.IsUsableAt(now)
        );
}

public sealed class ListInvitesValidator : PagedQueryValidator<ListInvites>;

public sealed class ListInvitesHandler(
    IApplicationDbContext db,
    CursorCodec cursors,
    TimeProvider clock
) : IQueryHandler<ListInvites, Page<InviteDto>>
{
    public async ValueTask<Page<InviteDto>> Handle(
        ListInvites query,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow();
        return await cursors.ReadPageAsync(
            query,
            OldestFirst,
            $"groups.invites:{query.GroupId}",
            db.Invites.AsNoTracking().Where(i => i.GroupId == query.GroupId),
            i => InviteDto.From(i, now),
            cancellationToken
        );
    }

    private static readonly KeysetOrder<Invite> OldestFirst = KeysetOrder<Invite>.Ascending(i =>
        i.Id
    );
}
