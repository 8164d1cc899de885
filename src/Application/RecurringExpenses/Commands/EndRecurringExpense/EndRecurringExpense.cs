using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Transitions;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Application.MoneyRules;

namespace Ledger.Application.RecurringExpenses.Commands.EndRecurringExpense;

/// <summary>
/// Ends a recurring expense for good: it generates nothing more; what it generated stays. Its creator or an owner, from the current version.
/// </summary>
public sealed record EndRecurringExpense(
    GroupId GroupId,
    RecurringExpenseId RecurringExpenseId,
    int ExpectedVersion
) : ICommand<RecurringExpenseDto>, IRequiresAccess, IRecurringExpenseChange
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class EndRecurringExpenseValidator : VersionedCommandValidator<EndRecurringExpense>;

public sealed class EndRecurringExpenseHandler(RecurringExpenseTransitions transitions)
    : ICommandHandler<EndRecurringExpense, RecurringExpenseDto>
{
    public async ValueTask<RecurringExpenseDto> Handle(
        EndRecurringExpense command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            (recurring, now) =>
            {
                recurring.End(now);
                return Task.CompletedTask;
            },
            RecurringExpenseAudit.Ended,
            cancellationToken
        );
}
