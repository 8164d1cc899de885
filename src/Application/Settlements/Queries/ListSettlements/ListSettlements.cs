using FluentValidation;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Paging;
using Ledger.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Settlements.Queries.ListSettlements;

/// <summary>A group's settlements, newest first, a page at a time; voided ones included and marked.</summary>
public sealed record ListSettlements(GroupId GroupId, int? Limit = null, string? Cursor = null)
    : IQuery<Page<SettlementDto>>,
        IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Read);
}

public sealed class ListSettlementsValidator : AbstractValidator<ListSettlements>
{
    public ListSettlementsValidator()
    {
        RuleFor(q => q.Limit).MustBeAPageLimit();
        RuleFor(q => q.Cursor).MustBeACursor();
    }
}

public sealed class ListSettlementsHandler(IApplicationDbContext db, CursorCodec cursors)
    : IQueryHandler<ListSettlements, Page<SettlementDto>>
{
    public async ValueTask<Page<SettlementDto>> Handle(
        ListSettlements query,
        CancellationToken cancellationToken
    )
    {
        var limit = PageLimits.Resolve(query.Limit);
        var purpose = $"settlements:{query.GroupId}";
        var after = cursors.Decode<Position>(purpose, query.Cursor);
        var rows = db.Settlements.AsNoTracking().Where(s => s.GroupId == query.GroupId);
        if (after is not null)
        {
            var id = SettlementId.From(after.Id);
            rows = rows.Where(s => s.Id < id);
        }

        var fetched = await rows.OrderByDescending(s => s.Id)
            .Take(limit + 1)
            .ToListAsync(cancellationToken);
        return Page.FromOneExtra(
            fetched.Select(SettlementDto.From).ToList(),
            limit,
            last => cursors.Encode(purpose, new Position(last.Id))
        );
    }

    private sealed record Position(Guid Id);
}
