using AwesomeAssertions;
using Ledger.Application.Balances;
using Ledger.Application.Balances.Queries.CheckBalanceConsistency;
using Ledger.Application.Balances.Queries.GetBalances;
using Ledger.Application.Expenses;
using Ledger.Application.Expenses.Commands.CreateExpense;
using Ledger.Application.Expenses.Commands.UpdateExpense;
using Ledger.Application.Expenses.Commands.VoidExpense;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Groups;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Expenses;

/// <summary>A shared flat: Ana owns the group, Ben and Cem are members.</summary>
internal sealed record Flat(GroupId Group, UserId Ana, UserId Ben, UserId Cem)
{
    public UserId[] Everyone => [Ana, Ben, Cem];
}

/// <summary>The set-ups and checks expense tests share.</summary>
internal static class ExpenseScenarios
{
    public static readonly DateOnly March1 = new(2026, 3, 1);

    public static async Task<Flat> CreateFlatAsync()
    {
        var (group, ana) = await CreateGroupAsync();
        var ben = await AddMemberAsync(group, ana);
        var cem = await AddMemberAsync(group, ana);
        return new Flat(group, ana, ben, cem);
    }

    public static SplitInput EqualAmong(params UserId[] members) =>
        new(SplitType.Equal, Members: members.Select(m => m.Value).ToArray());

    public static MemberAmountInput Paid(UserId member, string amount) => new(member.Value, amount);

    /// <summary>One payer paid the whole total, split as given (equally among everyone by default).</summary>
    public static CreateExpense NewExpense(
        GroupId group,
        UserId payer,
        string total,
        SplitInput split,
        string currency = "EUR",
        DateOnly? date = null,
        ExpenseCategory category = ExpenseCategory.Groceries
    ) =>
        new(
            group,
            Pii.Text("expense"),
            category,
            currency,
            total,
            date ?? March1,
            [Paid(payer, total)],
            split
        );

    /// <summary>
    /// The expense bought from <paramref name="list"/>: each item charge of an itemBased split
    /// becomes a fresh item added to that list, as a real list-to-expense flow would have it.
    /// </summary>
    public static async Task<CreateExpense> FromListAsync(
        this CreateExpense fields,
        ListId list,
        UserId asUser
    )
    {
        if (fields.Split.Type != SplitType.ItemBased)
        {
            return fields with { ListId = list.Value };
        }

        var items = new List<ItemChargeInput>();
        foreach (var charge in fields.Split.Items ?? [])
        {
            var item = await Lists.ListScenarios.AddItemAsync(list, asUser);
            items.Add(charge with { ItemId = item.Id });
        }

        return fields with
        {
            ListId = list.Value,
            Split = fields.Split with { Items = items },
        };
    }

    public static CreateExpense EqualExpense(Flat flat, UserId payer, string total) =>
        NewExpense(flat.Group, payer, total, EqualAmong(flat.Everyone));

    public static UpdateExpense ToUpdate(this CreateExpense fields, ExpenseDto current) =>
        new(
            GroupId.From(current.GroupId),
            ExpenseId.From(current.Id),
            fields.Description,
            fields.Category,
            fields.Currency,
            fields.Total,
            fields.Date,
            fields.Payers,
            fields.Split,
            current.Version,
            fields.ListId,
            fields.Note
        );

    public static VoidExpense Void(ExpenseDto expense) =>
        new(
            GroupId.From(expense.GroupId),
            ExpenseId.From(expense.Id),
            Pii.Text("reason"),
            expense.Version
        );

    /// <summary>Each member's net per currency as GetBalances reports it: currency → member → net.</summary>
    public static async Task<Dictionary<string, Dictionary<UserId, string>>> BalancesAsync(
        GroupId group,
        UserId asUser
    )
    {
        var balances = await SendAsync(new GetBalances(group), asUser);
        return balances.Currencies.ToDictionary(
            c => c.Currency,
            c => c.Members.ToDictionary(m => UserId.From(m.UserId), m => m.Net)
        );
    }

    /// <summary>
    /// The check every expense scenario ends with: in every group, the maintained balances equal
    /// a recomputation from the history and sum to zero per currency.
    /// </summary>
    public static async Task AssertBalancesConsistentAsync()
    {
        var owners = await WithDbAsync(db =>
            db.Memberships.AsNoTracking()
                .Where(m =>
                    m.LeftAt == null
                    && m.Role == GroupRole.Owner
                    && db.Groups.Any(g => g.Id == m.GroupId && g.Status == GroupStatus.Active)
                )
                .GroupBy(m => m.GroupId)
                .Select(g => new { Group = g.Key, Owner = g.Select(m => m.UserId).First() })
                .ToListAsync()
        );
        foreach (var owner in owners)
        {
            var report = await SendAsync(new CheckBalanceConsistency(owner.Group), owner.Owner);
            report.Drifts.Should().BeEmpty();
            report.IsConsistent.Should().BeTrue();
        }

        var sums = await WithDbAsync(db =>
            db.MemberBalances.AsNoTracking()
                .GroupBy(b => new { b.GroupId, b.Currency })
                .Select(g => g.Sum(b => b.NetMinorUnits))
                .ToListAsync()
        );
        sums.Should().OnlyContain(sum => sum == 0);
    }
}

/// <summary>Every expense scenario ends by checking that no balance drifted from its history.</summary>
public abstract class ExpenseTest : FunctionalTest
{
    [TearDown]
    public async Task CheckBalancesAsync()
    {
        if (
            TestContext.CurrentContext.Result.Outcome.Status
            == NUnit.Framework.Interfaces.TestStatus.Passed
        )
        {
            await ExpenseScenarios.AssertBalancesConsistentAsync();
        }
    }
}
