using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Domain.Common;
using Ledger.Domain.Recurrence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.RecurringExpenses.Queries.ListRecurringExpenses;

/// <summary>
/// The group's recurring expenses that have not ended, oldest first. A household has a handful
/// (rent, subscriptions); the answer is capped at <see cref="MaxResults"/> all the same.
/// </summary>
public sealed record ListRecurringExpenses(GroupId GroupId, bool IncludeEnded = false)
    : IQuery<IReadOnlyList<RecurringExpenseDto>>,
        IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Read);

    public const int MaxResults = 200;
}

public sealed class ListRecurringExpensesHandler(IApplicationDbContext db)
    : IQueryHandler<ListRecurringExpenses, IReadOnlyList<RecurringExpenseDto>>
{
    public async ValueTask<IReadOnlyList<RecurringExpenseDto>> Handle(
        ListRecurringExpenses query,
        CancellationToken cancellationToken
    )
    {
        var templates = await db
            .RecurringExpenses.AsNoTracking()
            .Where(r =>
                r.GroupId == query.GroupId
                && (query.IncludeEnded || r.Status != RecurringExpenseStatus.Ended)
            )
            .OrderBy(r => r.CreatedAt)
            .ThenBy(r => r.Id)
            .Take(ListRecurringExpenses.MaxResults)
            .ToListAsync(cancellationToken);
        return templates.Select(RecurringExpenseDto.From).ToArray();
    }
}
