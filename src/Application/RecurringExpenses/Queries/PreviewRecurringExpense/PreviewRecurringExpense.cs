namespace Ledger.Application.RecurringExpenses.Queries.PreviewRecurringExpense;

/// <summary>
/// The dates of the next <see cref="Count"/> occurrences the worker will record (past ones not
/// caught up yet come first); none for an ended or exhausted rule.
/// </summary>
public sealed record PreviewRecurringExpense(
    GroupId GroupId,
    RecurringExpenseId RecurringExpenseId,
    int Count = PreviewRecurringExpense.DefaultCount
) : IQuery<IReadOnlyList<DateOnly>>, IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Read);

    public const int DefaultCount = 10;
    public const int MaxCount = 100;
}

public sealed class PreviewRecurringExpenseValidator : AbstractValidator<PreviewRecurringExpense>
{
    public PreviewRecurringExpenseValidator() =>
        RuleFor(q => q.Count).InclusiveBetween(1, PreviewRecurringExpense.MaxCount);
}

public sealed class PreviewRecurringExpenseHandler(IApplicationDbContext db)
    : IQueryHandler<PreviewRecurringExpense, IReadOnlyList<DateOnly>>
{
    public async ValueTask<IReadOnlyList<DateOnly>> Handle(
        PreviewRecurringExpense query,
        CancellationToken cancellationToken
    )
    {
        var recurring = await db.LoadRecurringExpenseAsync(
            query.GroupId,
            query.RecurringExpenseId,
            tracked: false,
            cancellationToken
        );
        return recurring.Preview(query.Count);
    }
}
