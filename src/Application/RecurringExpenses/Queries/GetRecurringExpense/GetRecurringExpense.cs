namespace Ledger.Application.RecurringExpenses.Queries.GetRecurringExpense;

/// <summary>One recurring expense of the group, for its members.</summary>
public sealed record GetRecurringExpense(GroupId GroupId, RecurringExpenseId RecurringExpenseId)
    : GroupReadQuery<RecurringExpenseDto>(GroupId);

public sealed class GetRecurringExpenseHandler(IApplicationDbContext db)
    : IQueryHandler<GetRecurringExpense, RecurringExpenseDto>
{
    public async ValueTask<RecurringExpenseDto> Handle(
        GetRecurringExpense query,
        CancellationToken cancellationToken
    ) =>
        RecurringExpenseDto.From(
            await db.LoadRecurringExpenseAsync(
                query.GroupId,
                query.RecurringExpenseId,
                tracked: false,
                cancellationToken
            )
        );
}
