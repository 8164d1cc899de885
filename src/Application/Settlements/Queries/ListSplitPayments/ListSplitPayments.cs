using FluentValidation;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Paging;
using Ledger.Application.Expenses;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Settlements.Queries.ListSplitPayments;

/// <summary>
/// An expense's split payments, newest first, a page at a time: pending, declined and voided
/// ones included and marked, each with its split's current state. 404 for an expense that is
/// not the group's.
/// </summary>
public sealed record ListSplitPayments(
    GroupId GroupId,
    ExpenseId ExpenseId,
    int? Limit = null,
    string? Cursor = null
) : IQuery<Page<SplitPaymentDto>>, IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Read);
}

public sealed class ListSplitPaymentsValidator : AbstractValidator<ListSplitPayments>
{
    public ListSplitPaymentsValidator()
    {
        RuleFor(q => q.Limit).MustBeAPageLimit();
        RuleFor(q => q.Cursor).MustBeACursor();
    }
}

public sealed class ListSplitPaymentsHandler(IApplicationDbContext db, CursorCodec cursors)
    : IQueryHandler<ListSplitPayments, Page<SplitPaymentDto>>
{
    public async ValueTask<Page<SplitPaymentDto>> Handle(
        ListSplitPayments query,
        CancellationToken cancellationToken
    )
    {
        var expense = await db.LoadExpenseAsync(
            query.GroupId,
            query.ExpenseId,
            tracked: false,
            cancellationToken
        );
        var limit = PageLimits.Resolve(query.Limit);
        var purpose = $"split-payments:{query.GroupId}:{query.ExpenseId}";
        var after = cursors.Decode<Position>(purpose, query.Cursor);
        var rows = db
            .SplitPayments.AsNoTracking()
            .Where(p => p.GroupId == query.GroupId && p.ExpenseId == query.ExpenseId);
        if (after is not null)
        {
            var id = SplitPaymentId.From(after.Id);
            rows = rows.Where(p => p.Id < id);
        }

        var fetched = await rows.OrderByDescending(p => p.Id)
            .Take(limit + 1)
            .ToListAsync(cancellationToken);
        var splits = expense.Splits.ToDictionary(s => s.Id);
        return Page.FromOneExtra(
            fetched.Select(p => SplitPaymentDto.From(p, splits[p.SplitId])).ToList(),
            limit,
            last => cursors.Encode(purpose, new Position(last.Id))
        );
    }

    private sealed record Position(Guid Id);
}
