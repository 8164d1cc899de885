using Ledger.Application.Expenses;
using Ledger.Application.RecurringExpenses;
using Ledger.Application.RecurringExpenses.Commands.CreateRecurringExpense;
using Ledger.Application.RecurringExpenses.Queries.ListRecurringExpenses;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Recurrence;

namespace Ledger.WebApi.Demo;

/// <summary>
/// <c>--seed-demo</c>, after the demo month: recurring expenses of the demo flat, so that
/// <c>./build.sh run</c> shows the worker at work. The shared coffee starts today and recurs
/// daily: its first occurrence appears in the expenses within a minute of the worker starting
/// (the generation job runs every minute), and one more every day. The rent is anchored on the
/// 31st and falls on each shorter month's last day. Seeded once: a group with recurring
/// expenses gets none.
/// </summary>
public static class DemoRecurringExpenses
{
    public static Task SeedDemoRecurringExpensesAsync(this WebApplication app) =>
        DemoData.SeedOnDemoGroupAsync(app, SeedAsync);

    /// <returns>Whether anything was added.</returns>
    public static async Task<bool> SeedAsync(DemoFlat flat, CancellationToken cancellationToken)
    {
        var (data, group, alice, bob, clock) = flat;
        var existing = await data.SendAsAsync(
            alice,
            new ListRecurringExpenses(group, IncludeEnded: true),
            cancellationToken
        );
        if (existing.Items.Count > 0)
        {
            return false;
        }

        var settings = await data.SendAsAsync(
            alice,
            new Application.Groups.Queries.GetGroup.GetGroup(group),
            cancellationToken
        );
        var today = new GroupCalendar(settings.TimeZone).Today(clock.GetUtcNow());
        var equal = new SplitInput(SplitType.Equal, Members: [alice.Value, bob.Value]);
        await data.SendAsAsync(
            bob,
            new CreateRecurringExpense(
                group,
                "Shared coffee",
                ExpenseCategory.Groceries,
                "EUR",
                "4.20",
                [new MemberAmountInput(bob.Value, "4.20")],
                equal,
                new RecurrenceInput(RecurrenceFrequency.Daily, 1, today)
            ),
            cancellationToken
        );
        await data.SendAsAsync(
            alice,
            new CreateRecurringExpense(
                group,
                "Rent",
                ExpenseCategory.Rent,
                "EUR",
                "1450.00",
                [new MemberAmountInput(alice.Value, "1450.00")],
                equal,
                new RecurrenceInput(RecurrenceFrequency.Monthly, 1, Next31st(today))
            ),
            cancellationToken
        );
        return true;
    }

    private static DateOnly Next31st(DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        while (DateTime.DaysInMonth(month.Year, month.Month) < 31 || month.AddDays(30) < today)
        {
            month = month.AddMonths(1);
        }

        return month.AddDays(30);
    }
}
