using FluentValidation;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Paging;
using Ledger.Domain.Common;
using Ledger.Domain.Recurrence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.RecurringExpenses.Queries.ListRecurringExpenses;

/// <summary>
/// The group's recurring expenses that have not ended (with <see cref="IncludeEnded"/>, all of
/// them), oldest first, a page at a time like every other list (issue 19 item 7).
/// </summary>
public sealed record ListRecurringExpenses(
    GroupId GroupId,
    bool IncludeEnded = false,
    int? Limit = null,
    string? Cursor = null
) : IQuery<Page<RecurringExpenseDto>>, IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Read);
}

public sealed class ListRecurringExpensesValidator : AbstractValidator<ListRecurringExpenses>
{
    public ListRecurringExpensesValidator()
    {
        RuleFor(q => q.Limit).MustBeAPageLimit();
        RuleFor(q => q.Cursor).MustBeACursor();
    }
}

public sealed class ListRecurringExpensesHandler(IApplicationDbContext db, CursorCodec cursors)
    : IQueryHandler<ListRecurringExpenses, Page<RecurringExpenseDto>>
{
    public async ValueTask<Page<RecurringExpenseDto>> Handle(
        ListRecurringExpenses query,
        CancellationToken cancellationToken
    )
    {
        var limit = PageLimits.Resolve(query.Limit);
        var purpose = $"recurring-expenses:{query.GroupId}:{query.IncludeEnded}";
        var after = cursors.Decode<Position>(purpose, query.Cursor);

        var templates = db
            .RecurringExpenses.AsNoTracking()
            .Where(r =>
                r.GroupId == query.GroupId
                && (query.IncludeEnded || r.Status != RecurringExpenseStatus.Ended)
            );
        if (after is not null)
        {
            var afterId = RecurringExpenseId.From(after.AfterId);
            templates = templates.Where(r =>
                r.CreatedAt > after.AfterCreatedAt
                || (r.CreatedAt == after.AfterCreatedAt && r.Id > afterId)
            );
        }

        var fetched = await templates
            .OrderBy(r => r.CreatedAt)
            .ThenBy(r => r.Id)
            .Take(limit + 1)
            .ToListAsync(cancellationToken);

        return Page.FromOneExtra(
            fetched.Select(RecurringExpenseDto.From).ToList(),
            limit,
            last => cursors.Encode(purpose, new Position(last.CreatedAt, last.Id))
        );
    }

    private sealed record Position(DateTimeOffset AfterCreatedAt, Guid AfterId);
}
