using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Transitions;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Application.MoneyRules;

namespace Ledger.Application.RecurringExpenses.Commands.PauseRecurringExpense;

/// <summary>
/// Pauses a recurring expense: nothing is generated until it is resumed. Its creator or an owner, from the current version.
/// </summary>
public sealed record PauseRecurringExpense(
    GroupId GroupId,
    RecurringExpenseId RecurringExpenseId,
    int ExpectedVersion
) : ICommand<RecurringExpenseDto>, IRequiresAccess, IRecurringExpenseChange
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class PauseRecurringExpenseValidator
    : VersionedCommandValidator<PauseRecurringExpense>;

public sealed class PauseRecurringExpenseHandler(RecurringExpenseTransitions transitions)
    : ICommandHandler<PauseRecurringExpense, RecurringExpenseDto>
{
    public async ValueTask<RecurringExpenseDto> Handle(
        PauseRecurringExpense command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            (recurring, now) =>
            {
                recurring.Pause(now);
                return Task.CompletedTask;
            },
            RecurringExpenseAudit.Paused,
            cancellationToken
        );
}
