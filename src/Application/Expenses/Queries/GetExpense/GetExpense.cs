namespace Ledger.Application.Expenses.Queries.GetExpense;

/// <summary>One expense of a group, voided or not, for the group's members.</summary>
public sealed record GetExpense(GroupId GroupId, ExpenseId ExpenseId)
    : GroupReadQuery<ExpenseDto>(GroupId);

public sealed class GetExpenseHandler(IApplicationDbContext db)
    : IQueryHandler<GetExpense, ExpenseDto>
{
    public async ValueTask<ExpenseDto> Handle(
        GetExpense query,
        CancellationToken cancellationToken
    ) =>
        ExpenseDto.From(
            await db.LoadExpenseAsync(
                query.GroupId,
                query.ExpenseId,
                tracked: false,
                cancellationToken
            )
        );
}
