using System.Security.Claims;
using Ledger.Application.Expenses;
using Ledger.Application.Expenses.Commands.CreateExpense;
using Ledger.Application.Expenses.Commands.VoidExpense;
using Ledger.Application.Groups.Commands.CreateGroup;
using Ledger.Application.Groups.Commands.CreateInvite;
using Ledger.Application.Groups.Commands.JoinGroup;
using Ledger.Application.Groups.Queries.ListMyGroups;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Ledger.WebApi.Demo;

/// <summary>
/// <c>--seed-demo</c>, after the demo users: last month of a shared flat, so a fresh
/// <c>./build.sh run</c> has expenses, balances and suggested transfers to show. Rent, weekly
/// groceries, bills, a dinner both paid for, a drugstore run split by items, a weekend away in
/// another currency and a duplicate that was voided: every split type, several payers, two
/// currencies. Made through the mediator as the demo users themselves, so the same rules,
/// balances and audit trail apply as to requests; and only once: if Alice already has the
/// demo flat, nothing is added.
/// </summary>
public static class DemoFlat
{
    public const string GroupName = "Demo flat";

    public static async Task SeedDemoFlatAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var ids = new List<UserId>();
        foreach (var (email, _) in DemoUsers.Accounts)
        {
            var user =
                await users.FindByEmailAsync(email)
                ?? throw new InvalidOperationException("Seed the demo users first.");
            ids.Add(new UserId(user.Id));
        }

        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await SeedAsync(app.Services, ids[0], ids[1], clock, CancellationToken.None);
    }

    /// <returns>The demo flat's id, new or already there.</returns>
    public static async Task<GroupId> SeedAsync(
        IServiceProvider services,
        UserId alice,
        UserId bob,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var existing = await FindAsync(services, alice, cancellationToken);
        if (existing is { } found)
        {
            return found;
        }

        var group = new GroupId(
            (
                await SendAsync(
                    services,
                    alice,
                    new CreateGroup(GroupName, "EUR", "Europe/Berlin"),
                    cancellationToken
                )
            ).Id
        );
        var invite = await SendAsync(
            services,
            alice,
            new CreateInvite(group, clock.GetUtcNow().AddDays(1), 1),
            cancellationToken
        );
        await SendAsync(services, bob, new JoinGroup(invite.Code), cancellationToken);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        foreach (var (payer, expense) in LastMonth(group, alice, bob, month))
        {
            var created = await SendAsync(services, payer, expense, cancellationToken);
            if (expense.Note == DuplicateNote)
            {
                await SendAsync(
                    services,
                    payer,
                    new VoidExpense(
                        group,
                        new ExpenseId(created.Id),
                        "Entered twice: it is part of the drugstore run.",
                        created.Version
                    ),
                    cancellationToken
                );
            }
        }

        return group;
    }

    private const string DuplicateNote = "Oops, entered twice.";

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
            Expense(
                "Drugstore run",
                ExpenseCategory.Household,
                13,
                "26.85",
                alice,
                new SplitInput(
                    SplitType.ItemBased,
                    Items:
                    [
                        new ItemChargeInput(Guid.CreateVersion7(), alice.Value, "5.95"),
                        new ItemChargeInput(Guid.CreateVersion7(), bob.Value, "8.45"),
                    ],
                    Rest: equal
                )
            ) with
            {
                ListId = Guid.CreateVersion7(),
                Note = "Shampoo for Alice, razor blades for Bob, cleaning things for both.",
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

    private static async Task<GroupId?> FindAsync(
        IServiceProvider services,
        UserId alice,
        CancellationToken cancellationToken
    )
    {
        string? cursor = null;
        do
        {
            var page = await SendAsync(
                services,
                alice,
                new ListMyGroups(Cursor: cursor),
                cancellationToken
            );
            var flat = page.Items.FirstOrDefault(g => g.Name == GroupName);
            if (flat is not null)
            {
                return new GroupId(flat.Id);
            }

            cursor = page.NextCursor;
        } while (cursor is not null);

        return null;
    }

    /// <summary>
    /// Sends a message as a demo user. The API's principal is the request's user, so each
    /// message gets a scope whose request carries that user's id, as a signed-in call would.
    /// </summary>
    private static async Task<T> AsUserAsync<T>(
        IServiceProvider services,
        UserId user,
        Func<ISender, ValueTask<T>> send
    )
    {
        await using var scope = services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(
                new ClaimsIdentity([new Claim("sub", user.Value.ToString())], "demo-seed")
            ),
        };
        try
        {
            return await send(scope.ServiceProvider.GetRequiredService<ISender>());
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private static Task<T> SendAsync<T>(
        IServiceProvider services,
        UserId asUser,
        ICommand<T> command,
        CancellationToken cancellationToken
    ) => AsUserAsync(services, asUser, sender => sender.Send(command, cancellationToken));

    private static Task<T> SendAsync<T>(
        IServiceProvider services,
        UserId asUser,
        IQuery<T> query,
        CancellationToken cancellationToken
    ) => AsUserAsync(services, asUser, sender => sender.Send(query, cancellationToken));
}
