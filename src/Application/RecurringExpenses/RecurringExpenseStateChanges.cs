using Ledger.Application.Groups;
using Ledger.Application.RecurringExpenses.Commands.EndRecurringExpense;
using Ledger.Application.RecurringExpenses.Commands.PauseRecurringExpense;
using Ledger.Application.RecurringExpenses.Commands.ResumeRecurringExpense;

namespace Ledger.Application.RecurringExpenses;

/// <summary>
/// Pausing, resuming or ending a recurring expense, from the version the client last saw: any
/// member of the group may send it (without partner scope); <see cref="RecurringExpenseTransitions"/>
/// then lets only its creator or an owner change it. The version is the only other input.
/// </summary>
public abstract record RecurringExpenseStateChange(
    GroupId GroupId,
    RecurringExpenseId RecurringExpenseId,
    int ExpectedVersion
) : ICommand<RecurringExpenseDto>, IRequiresAccess, IRecurringExpenseChange
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

/// <summary>
/// Handles every <see cref="RecurringExpenseStateChange"/> through
/// <see cref="RecurringExpenseTransitions"/>; what varies is the template's own verb and the
/// audit action.
/// </summary>
public sealed class RecurringExpenseStateHandler(
    IApplicationDbContext db,
    RecurringExpenseTransitions transitions
)
    : ICommandHandler<PauseRecurringExpense, RecurringExpenseDto>,
        ICommandHandler<ResumeRecurringExpense, RecurringExpenseDto>,
        ICommandHandler<EndRecurringExpense, RecurringExpenseDto>
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

    /// <summary>Resumes from the group's today, so it reads the group's calendar first.</summary>
    public async ValueTask<RecurringExpenseDto> Handle(
        ResumeRecurringExpense command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            async (recurring, now) =>
                recurring.Resume(await db.CalendarOfAsync(command.GroupId, cancellationToken), now),
            RecurringExpenseAudit.Resumed,
            cancellationToken
        );

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
