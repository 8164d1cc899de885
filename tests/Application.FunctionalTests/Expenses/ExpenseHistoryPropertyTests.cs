using AwesomeAssertions;
using Ledger.Application.Balances.Queries.GetBalances;
using Ledger.Application.Expenses;
using Ledger.Application.Expenses.Commands.CreateExpense;
using Ledger.Application.Expenses.Queries.GetExpense;
using Ledger.Application.Settlements;
using Ledger.Application.Settlements.Commands.ConfirmSettlement;
using Ledger.Application.Settlements.Commands.DeclineSettlement;
using Ledger.Application.Settlements.Commands.PaySplit;
using Ledger.Application.Settlements.Commands.RecordSettlement;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Monetary;
using Ledger.Domain.Settlements;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Expenses;

/// <summary>
/// R10 through the whole stack: random sequences of creates, updates and voids, sent through
/// the mediator to PostgreSQL. After every step the maintained balances sum to zero in each
/// currency and equal a full recomputation from the stored expenses (the domain's own
/// definition, independent of the SQL the consistency check runs), and the suggested transfers
/// settle every balance in at most n − 1 payments. Seeded, so a failure names its sequence.
/// </summary>
public sealed class ExpenseHistoryPropertyTests : ExpenseTest
{
    private static readonly string[] Currencies = ["EUR", "JPY", "KWD"];

    private static IEnumerable<int> Seeds => Enumerable.Range(1, 20);

    [TestCaseSource(nameof(Seeds))]
    public async Task Should_keep_balances_summing_to_zero_and_equal_to_a_recomputation(int seed)
    {
        var random = new Random(seed);
        var flat = await CreateFlatAsync();
        var list = await CreateGroupListAsync(flat.Group, flat.Ana);
        var live = new List<ExpenseDto>();
        var steps = random.Next(4, 11);
        for (var step = 0; step < steps; step++)
        {
            var roll = random.Next(6);
            if (live.Count == 0 || roll < 3)
            {
                var expense = await RandomExpense(random, flat).FromListAsync(list, flat.Ana);
                live.Add(await SendAsync(expense, flat.Ana));
            }
            else if (roll < 5)
            {
                var target = random.Next(live.Count);
                var expense = await RandomExpense(random, flat).FromListAsync(list, flat.Ana);
                live[target] = await SendAsync(expense.ToUpdate(live[target]), flat.Ana);
            }
            else
            {
                var target = random.Next(live.Count);
                await SendAsync(Void(live[target]), flat.Ana);
                live.RemoveAt(target);
            }

            await AssertBalancesMatchHistoryAsync(flat, $"seed {seed}, step {step}");
        }
    }

    /// <summary>
    /// The same with money moving between members: random payments against splits (some more
    /// than is owed, which must be refused), settlements of random amounts between a debtor and
    /// a creditor (some too large), pending ones confirmed or declined, and voids. Expenses with
    /// payments refuse voids, which the sequence takes in its stride.
    /// </summary>
    [TestCaseSource(nameof(Seeds))]
    public async Task Should_keep_balances_whole_with_payments_and_settlements(int seed)
    {
        var random = new Random(seed);
        var flat = await CreateFlatAsync();
        var list = await CreateGroupListAsync(flat.Group, flat.Ana);
        var live = new List<ExpenseDto>();
        var pending = new List<SettlementDto>();
        var steps = random.Next(6, 16);
        for (var step = 0; step < steps; step++)
        {
            var because = $"seed {seed}, step {step}";
            var roll = random.Next(10);
            if (live.Count == 0 || roll < 3)
            {
                var expense = await RandomExpense(random, flat).FromListAsync(list, flat.Ana);
                live.Add(await SendAsync(expense, flat.Ana));
            }
            else if (roll < 6)
            {
                await PayRandomSplitAsync(random, flat, live, because);
            }
            else if (roll < 8)
            {
                await SettleRandomlyAsync(random, flat, pending, because);
            }
            else if (roll < 9 && pending.Count > 0)
            {
                var target = pending[random.Next(pending.Count)];
                pending.Remove(target);
                var payee = UserId.From(target.ToUserId);
                var decide = async () =>
                {
                    if (random.Next(2) == 0)
                    {
                        await SendAsync(
                            new DeclineSettlement(flat.Group, SettlementId.From(target.Id), 1),
                            payee
                        );
                    }
                    else
                    {
                        await SendAsync(
                            new ConfirmSettlement(flat.Group, SettlementId.From(target.Id), 1),
                            payee
                        );
                    }
                };
                // Confirming is refused when the balances moved since it was recorded.
                var refusal = await Refusal(decide);
                refusal?.Code.Should().Be("settlement.over-settlement", because);
            }
            else
            {
                var target = random.Next(live.Count);
                var refusal = await Refusal(() => SendAsync(Void(live[target]), flat.Ana));
                if (refusal is null)
                {
                    live.RemoveAt(target);
                }
                else
                {
                    refusal.Code.Should().Be("expense.has-payments", because);
                }
            }

            await AssertBalancesMatchHistoryAsync(flat, because);
        }
    }

    private static async Task PayRandomSplitAsync(
        Random random,
        Flat flat,
        List<ExpenseDto> live,
        string because
    )
    {
        var index = random.Next(live.Count);
        var expense = await SendAsync(
            new GetExpense(flat.Group, ExpenseId.From(live[index].Id)),
            flat.Ana
        );
        live[index] = expense;
        var payers = expense.Payers.Select(p => p.UserId).ToArray();
        var split = expense.Splits[random.Next(expense.Splits.Count)];
        var payees = payers.Where(p => p != split.UserId).ToArray();
        var remaining = Minor(split.Remaining, expense.Currency);
        if (payees.Length == 0 || remaining == 0)
        {
            return;
        }

        var over = random.Next(5) == 0;
        var amount = over ? remaining + 1 : random.NextInt64(1, remaining + 1);
        var payment = new PaySplit(
            flat.Group,
            ExpenseId.From(expense.Id),
            ExpenseSplitId.From(split.Id),
            Text(amount, expense.Currency),
            PayeeUserId: UserId.From(payees[random.Next(payees.Length)])
        );
        var refusal = await Refusal(() => SendAsync(payment, flat.Ana));
        if (over)
        {
            refusal.Should().NotBeNull(because);
            refusal!.Code.Should().Be("split.over-settlement", because);
        }
        else
        {
            refusal.Should().BeNull(because);
        }
    }

    private static async Task SettleRandomlyAsync(
        Random random,
        Flat flat,
        List<SettlementDto> pending,
        string because
    )
    {
        var balances = await SendAsync(new GetBalances(flat.Group), flat.Ana);
        var open = balances.Currencies.Where(c => c.SuggestedTransfers.Count > 0).ToArray();
        if (open.Length == 0)
        {
            return;
        }

        var currency = open[random.Next(open.Length)];
        var net = currency.Members.ToDictionary(
            m => m.UserId,
            m => Minor(m.Net, currency.Currency)
        );
        var debtor = net.Where(n => n.Value < 0).ElementAt(0).Key;
        var creditors = net.Where(n => n.Value > 0).Select(n => n.Key).ToArray();
        var creditor = creditors[random.Next(creditors.Length)];
        var most = Math.Min(-net[debtor], net[creditor]);
        var over = random.Next(5) == 0;
        var amount = over ? most + 1 : random.NextInt64(1, most + 1);
        var recorder = random.Next(2) == 0 ? creditor : debtor;
        SettlementDto? recorded = null;
        var refusal = await Refusal(async () =>
            recorded = await SendAsync(
                new RecordSettlement(
                    flat.Group,
                    UserId.From(debtor),
                    UserId.From(creditor),
                    currency.Currency,
                    Text(amount, currency.Currency)
                ),
                UserId.From(recorder)
            )
        );
        if (over)
        {
            refusal.Should().NotBeNull(because);
            refusal!.Code.Should().Be("settlement.over-settlement", because);
        }
        else
        {
            refusal.Should().BeNull(because);
            if (recorded!.Status == SettlementStatus.Pending)
            {
                pending.Add(recorded);
            }
        }
    }

    /// <summary>The domain's refusal of a step (400 or 409), or null when it went through.</summary>
    private static async Task<DomainException?> Refusal(Func<Task> step)
    {
        try
        {
            await step();
            return null;
        }
        catch (DomainException refused)
        {
            return refused;
        }
    }

    private static async Task AssertBalancesMatchHistoryAsync(Flat flat, string because)
    {
        var history = await WithDbAsync(db =>
            db.Expenses.AsNoTracking()
                .Where(e => e.GroupId == flat.Group)
                .Include(e => e.Payers)
                .Include(e => e.Splits)
                .AsSplitQuery()
                .ToListAsync()
        );
        var settlements = await WithDbAsync(db =>
            db.Settlements.AsNoTracking().Where(s => s.GroupId == flat.Group).ToListAsync()
        );
        var payments = await WithDbAsync(db =>
            db.SplitPayments.AsNoTracking().Where(a => a.GroupId == flat.Group).ToListAsync()
        );
        var splitsSettled = history
            .SelectMany(e => e.Splits)
            .Select(s =>
                s.SettledMinorUnits
                - s.CoveredByOwnPaymentMinorUnits
                - payments.Where(p => p.SplitId == s.Id && !p.IsVoided).Sum(p => p.AmountMinorUnits)
            );
        splitsSettled.Should().OnlyContain(difference => difference == 0, because);
        var stored = await WithDbAsync(db =>
            db.MemberBalances.AsNoTracking()
                .Where(b => b.GroupId == flat.Group && b.NetMinorUnits != 0)
                .ToListAsync()
        );

        stored
            .GroupBy(b => b.Currency)
            .Should()
            .OnlyContain(currency => currency.Sum(b => b.NetMinorUnits) == 0, because);
        stored
            .Select(b => b.ToMemberNet())
            .Should()
            .BeEquivalentTo(BalanceEffect.Of(history, settlements, payments).Lines, because);

        var balances = await SendAsync(new GetBalances(flat.Group), flat.Ben);
        foreach (var currency in balances.Currencies)
        {
            var open = currency.Members.Count(m => m.Net.Trim('0', '.', '-').Length > 0);
            currency
                .SuggestedTransfers.Count.Should()
                .BeLessThanOrEqualTo(Math.Max(0, open - 1), because);
            var net = currency.Members.ToDictionary(
                m => m.UserId,
                m => Minor(m.Net, currency.Currency)
            );
            foreach (var transfer in currency.SuggestedTransfers)
            {
                net[transfer.FromUserId] += Minor(transfer.Amount, currency.Currency);
                net[transfer.ToUserId] -= Minor(transfer.Amount, currency.Currency);
            }

            net.Values.Should().OnlyContain(v => v == 0, because);
        }
    }

    private static long Minor(string amount, string currency) =>
        Money.Parse(amount, currency, allowNegative: true).ToMinorUnits();

    private static CreateExpense RandomExpense(Random random, Flat flat)
    {
        var currency = Currencies[random.Next(Currencies.Length)];
        var total = random.NextInt64(1, 2_000_000);
        var payers = Subset(random, flat.Everyone, maxCount: (int)Math.Min(3, total));
        var paid = Partition(random, total, payers.Length, positive: true);
        return NewExpense(
            flat.Group,
            flat.Ana,
            Text(total, currency),
            RandomSplit(random, flat, total, currency),
            currency
        ) with
        {
            Payers = payers.Select((p, i) => Paid(p, Text(paid[i], currency))).ToArray(),
        };
    }

    private static SplitInput RandomSplit(
        Random random,
        Flat flat,
        long total,
        string currency,
        bool allowItems = true
    )
    {
        var members = Subset(random, flat.Everyone, maxCount: 3);
        switch (random.Next(allowItems ? 5 : 4))
        {
            case 0:
                return EqualAmong(members);
            case 1:
                var owed = Partition(random, total, members.Length, positive: false);
                return new SplitInput(
                    SplitType.Exact,
                    Amounts: members.Select((m, i) => Paid(m, Text(owed[i], currency))).ToArray()
                );
            case 2:
                var hundredths = Partition(random, 10_000, members.Length, positive: false);
                return new SplitInput(
                    SplitType.Percentage,
                    Weights: members
                        .Select((m, i) => new MemberWeightInput(m.Value, hundredths[i] / 100m))
                        .ToArray()
                );
            case 3:
                var shares = members.Select(_ => (decimal)random.Next(0, 5)).ToArray();
                shares[0] += 1;
                return new SplitInput(
                    SplitType.Shares,
                    Weights: members
                        .Select((m, i) => new MemberWeightInput(m.Value, shares[i]))
                        .ToArray()
                );
            default:
                var itemCount = (int)Math.Min(random.Next(1, 4), total);
                var itemsTotal = random.NextInt64(itemCount, total + 1);
                var prices = Partition(random, itemsTotal, itemCount, positive: true);
                var items = prices
                    .Select(price => new ItemChargeInput(
                        Guid.CreateVersion7(),
                        flat.Everyone[random.Next(3)].Value,
                        Text(price, currency)
                    ))
                    .ToArray();
                return new SplitInput(
                    SplitType.ItemBased,
                    Items: items,
                    Rest: itemsTotal == total && random.Next(2) == 0
                        ? null
                        : RandomSplit(random, flat, total - itemsTotal, currency, allowItems: false)
                );
        }
    }

    private static UserId[] Subset(Random random, UserId[] members, int maxCount) =>
        members.OrderBy(_ => random.Next()).Take(random.Next(1, maxCount + 1)).ToArray();

    /// <summary>Splits <paramref name="total"/> into <paramref name="parts"/> whole numbers that add up to it.</summary>
    private static long[] Partition(Random random, long total, int parts, bool positive)
    {
        var floor = positive ? 1 : 0;
        var spare = total - floor * parts;
        var cuts = Enumerable
            .Range(0, parts - 1)
            .Select(_ => random.NextInt64(0, spare + 1))
            .Order()
            .ToList();
        cuts.Insert(0, 0);
        cuts.Add(spare);
        return Enumerable.Range(0, parts).Select(i => cuts[i + 1] - cuts[i] + floor).ToArray();
    }

    private static string Text(long minorUnits, string currency) =>
        Money.FromMinorUnits(minorUnits, currency).ToCanonicalString();
}
