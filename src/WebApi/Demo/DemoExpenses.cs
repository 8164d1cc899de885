using Ledger.Application.Expenses;
using Ledger.Application.Expenses.Commands.CreateExpense;
using Ledger.Application.Expenses.Commands.CreateExpenseFromList;
using Ledger.Application.Expenses.Commands.VoidExpense;
using Ledger.Application.Expenses.Queries.ListExpenses;
using Ledger.Application.Lists.Commands.AddListItem;
using Ledger.Application.Lists.Commands.CreateList;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;

namespace Ledger.WebApi.Demo;

/// <summary>
/// <c>--seed-demo</c>, after the demo users and their group (<see cref="DemoData"/>): last
/// month of the shared flat, so a fresh <c>./build.sh run</c> has expenses, balances and
/// suggested transfers to show. Rent, weekly groceries, bills, a dinner both paid for, a
/// drugstore run split by items, a weekend away in another currency, and a duplicate that was
/// voided: every split type, several payers, two currencies. Made through the use cases as the
/// demo users themselves, so the same rules, balances and audit trail apply as to requests;
/// and only once: a group that already has expenses gets none.
/// </summary>
public static class DemoExpenses
{
    public static Task SeedDemoExpensesAsync(this WebApplication app) =>
        DemoData.SeedOnDemoGroupAsync(app, SeedAsync);

    /// <summary>Adds last month's expenses to the flat's group, unless it has expenses already.</summary>
    /// <returns>Whether anything was added.</returns>
    public static async Task<bool> SeedAsync(DemoFlat flat, CancellationToken cancellationToken)
    {
        var (data, group, alice, bob, clock) = flat;
        var existing = await data.SendAsAsync(
            alice,
            new ListExpenses(group, IncludeVoided: true, Limit: 1),
            cancellationToken
        );
        if (existing.Items.Count > 0)
        {
            return false;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        await SeedDrugstoreRunAsync(data, group, alice, bob, month.AddDays(13), cancellationToken);
        foreach (var (payer, expense) in LastMonth(group, alice, bob, month))
        {
            var created = await data.SendAsAsync(payer, expense, cancellationToken);
            if (expense.Note == DuplicateNote)
            {
                await data.SendAsAsync(
                    payer,
                    new VoidExpense(
                        group,
                        ExpenseId.From(created.Id),
                        "Entered twice: it is part of the drugstore run.",
                        created.Version
                    ),
                    cancellationToken
                );
            }
        }

        return true;
    }

    private const string DuplicateNote = "Oops, entered twice.";

    /// <summary>
    /// Alice's own drugstore list, bought and turned into one expense: shampoo for her, razor
    /// blades for Bob, cleaning things for both (a personal list on a group expense, docs/requirements.md A6).
    /// </summary>
    private static async Task SeedDrugstoreRunAsync(
        DemoData data,
        GroupId group,
        UserId alice,
        UserId bob,
        DateOnly date,
        CancellationToken cancellationToken
    )
    {
        var list = await DemoHousehold.CreateListAsync(
            data,
            alice,
            new CreateList("Drugstore", null, "EUR"),
            cancellationToken
        );
        var charges = new List<BoughtItemInput>();
        foreach (
            var (name, price, forUser) in new (string, string, UserId?)[]
            {
                ("Shampoo", "5.95", alice),
                ("Razor blades", "8.45", bob),
                ("Cleaning things", "12.45", null),
            }
        )
        {
            var item = await DemoHousehold.BuyAsync(
                data,
                alice,
                alice,
                new AddListItem(list, name),
                price,
                cancellationToken
            );
            charges.Add(new BoughtItemInput(item, forUser?.Value));
        }

        await data.SendAsAsync(
            alice,
            new CreateExpenseFromList(
                group,
                list.Value,
                "Drugstore run",
                ExpenseCategory.Household,
                date,
                charges
            ),
            cancellationToken
        );
    }

    private static IEnumerable<(UserId Payer, CreateExpense Expense)> LastMonth(
        GroupId group,
        UserId alice,
        UserId bob,
        DateOnly month
    )
    {
        CreateExpense Expense(
            string description,
            ExpenseCategory category,
            int day,
            string total,
            UserId payer,
            SplitInput split,
            string currency = "EUR"
        ) =>
            new(
                group,
                description,
                category,
                currency,
                total,
                month.AddDays(day),
                [new MemberAmountInput(payer.Value, total)],
                split
            );
        var equal = new SplitInput(SplitType.Equal, Members: [alice.Value, bob.Value]);
        var halves = new SplitInput(
            SplitType.Shares,
            Weights: [new(alice.Value, 1m), new(bob.Value, 1m)]
        );

        yield return (
            alice,
            Expense(
                "Rent",
                ExpenseCategory.Rent,
                0,
                "1350.00",
                alice,
                new SplitInput(
                    SplitType.Exact,
                    Amounts: [new(alice.Value, "750.00"), new(bob.Value, "600.00")]
                )
            ) with
            {
                Note = "Alice has the bigger room.",
            }
        );
        yield return (
            alice,
            Expense("Weekly groceries", ExpenseCategory.Groceries, 2, "64.30", alice, equal)
        );
        yield return (
            bob,
            Expense(
                "Electricity",
                ExpenseCategory.Utilities,
                4,
                "94.60",
                bob,
                new SplitInput(
                    SplitType.Percentage,
                    Weights: [new(alice.Value, 55m), new(bob.Value, 45m)]
                )
            ) with
            {
                Note = "Alice works from home: 55/45.",
            }
        );
        yield return (
            alice,
            Expense("Internet", ExpenseCategory.Utilities, 5, "39.99", alice, halves)
        );
        yield return (
            bob,
            Expense("Weekly groceries", ExpenseCategory.Groceries, 9, "51.85", bob, equal)
        );
        yield return (
            alice,
            Expense(
                "Dinner at the Thai place",
                ExpenseCategory.Dining,
                11,
                "86.40",
                alice,
                equal
            ) with
            {
                Payers =
                [
                    new MemberAmountInput(alice.Value, "50.00"),
                    new MemberAmountInput(bob.Value, "36.40"),
                ],
            }
        );
        yield return (
            alice,
            Expense("Cleaning supplies", ExpenseCategory.Household, 13, "12.45", alice, equal) with
            {
                Note = DuplicateNote,
            }
        );
        yield return (
            alice,
            Expense("Weekly groceries", ExpenseCategory.Groceries, 16, "72.10", alice, equal)
        );
        yield return (
            bob,
            Expense("Train to Zurich", ExpenseCategory.Travel, 18, "132.00", bob, equal, "CHF")
        );
        yield return (
            alice,
            Expense("Fondue", ExpenseCategory.Dining, 19, "78.50", alice, halves, "CHF")
        );
        yield return (
            bob,
            Expense("New vacuum cleaner", ExpenseCategory.Household, 21, "149.00", bob, halves)
        );
        yield return (
            bob,
            Expense("Weekly groceries", ExpenseCategory.Groceries, 23, "58.45", bob, equal)
        );
    }
}
