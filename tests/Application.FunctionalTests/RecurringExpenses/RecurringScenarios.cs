using Ledger.Application.Operations;
using Ledger.Application.RecurringExpenses;
using Ledger.Application.RecurringExpenses.Commands.CreateRecurringExpense;
using Ledger.Application.RecurringExpenses.Commands.GenerateRecurringExpenses;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Recurrence;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.RecurringExpenses;

internal static class RecurringScenarios
{
    public static CreateRecurringExpense Monthly(
        GroupId group,
        UserId payer,
        UserId[] everyone,
        DateOnly start,
        string total = "900.00",
        int interval = 1,
        int? maxOccurrences = null
    ) =>
        Recurring(
            group,
            payer,
            everyone,
            new RecurrenceInput(
                RecurrenceFrequency.Monthly,
                interval,
                start,
                MaxOccurrences: maxOccurrences
            ),
            total
        );

    public static CreateRecurringExpense Recurring(
        GroupId group,
        UserId payer,
        UserId[] everyone,
        RecurrenceInput rule,
        string total = "900.00"
    ) =>
        new(
            group,
            Pii.Text("rent"),
            ExpenseCategory.Rent,
            "EUR",
            total,
            [Paid(payer, total)],
            EqualAmong(everyone),
            rule
        );

    /// <summary>Runs generation the way the worker does: batch after batch until nothing is due.</summary>
    public static async Task<int> GenerateAllAsync(GenerateRecurringExpenses? first = null)
    {
        IScheduledCommand? command = first ?? new GenerateRecurringExpenses();
        var batches = 0;
        while (command is not null)
        {
            var report = await SendAsSystemAsync(command);
            command = report.Next;
            batches++;
        }

        return batches;
    }

    /// <summary>The dates of the expenses generated for a template, in order.</summary>
    public static Task<List<DateOnly>> OccurrenceDatesAsync(Guid recurringExpenseId) =>
        WithDbAsync(db =>
            db.RecurringExpenseOccurrences.AsNoTracking()
                .Where(o => o.RecurringExpenseId == RecurringExpenseId.From(recurringExpenseId))
                .Join(
                    db.Expenses,
                    o => new { o.GroupId, Id = o.ExpenseId },
                    e => new { e.GroupId, e.Id },
                    (o, e) => e.Date
                )
                .OrderBy(d => d)
                .ToListAsync()
        );

    public static DateOnly TodayInBerlin() =>
        new GroupCalendar("Europe/Berlin").Today(Clock.GetUtcNow());
}
