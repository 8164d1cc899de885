using AwesomeAssertions;
using FsCheck;
using FsCheck.Fluent;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using static Ledger.Domain.UnitTests.Expenses.ExpenseGenerators;

namespace Ledger.Domain.UnitTests.Balances;

/// <summary>
/// R10: balances maintained change by change always sum to zero per currency and equal a
/// recomputation from the expenses that were not voided.
/// </summary>
public sealed class BalancePropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);

    private abstract record Step;

    private sealed record CreateStep(ExpenseDetails Details) : Step;

    private sealed record UpdateStep(int Target, ExpenseDetails Details) : Step;

    private sealed record VoidStep(int Target) : Step;

    private static Gen<(UserId[] Members, Step[] Steps)> Histories =>
        from count in Gen.Choose(2, 6)
        let members = Members(count)
        from length in Gen.Choose(1, 25)
        from steps in Gen.ArrayOf(StepFor(members), length)
        select (members, steps);

    private static Gen<Step> StepFor(UserId[] members) =>
        Gen.Frequency(
            (3, Details(members).Select(Step (d) => new CreateStep(d))),
            (
                2,
                from t in Gen.Choose(0, 99)
                from d in Details(members)
                select (Step)new UpdateStep(t, d)
            ),
            (1, Gen.Choose(0, 99).Select(Step (t) => new VoidStep(t)))
        );

    [FsCheck.NUnit.Property]
    public Property Should_keep_incremental_balances_equal_to_a_recomputation() =>
        Prop.ForAll(
            Histories.ToArbitrary(),
            history =>
            {
                var group = GroupId.New();
                var members = history.Members.ToHashSet();
                var expenses = new List<Expense>();
                var stored = new List<MemberBalance>();
                foreach (var step in history.Steps)
                {
                    var change = Run(step, group, members, expenses);
                    stored.AddRange(change.ApplyTo(group, stored));

                    stored
                        .GroupBy(b => b.Currency)
                        .Should()
                        .OnlyContain(c => c.Sum(b => b.NetMinorUnits) == 0);
                    Lines(stored).Should().Equal(Recompute(expenses));
                }
            }
        );

    private static BalanceEffect Run(
        Step step,
        GroupId group,
        HashSet<UserId> members,
        List<Expense> expenses
    )
    {
        if (step is CreateStep create)
        {
            var created = Expense.Create(
                group,
                create.Details,
                Actor.User(members.First()),
                members,
                Now
            );
            expenses.Add(created);
            return BalanceEffect.Of(created);
        }

        var live = expenses.Where(e => !e.IsVoided).ToArray();
        if (live.Length == 0)
        {
            return BalanceEffect.None;
        }

        var target = live[
            (step is UpdateStep u ? u.Target : ((VoidStep)step).Target) % live.Length
        ];
        var before = BalanceEffect.Of(target);
        if (step is UpdateStep update)
        {
            target.Update(update.Details, members, Now);
        }
        else
        {
            target.Void(Actor.User(members.First()), "Mistake", Now);
        }

        return BalanceEffect.Change(before, BalanceEffect.Of(target));
    }

    private static (string, UserId, long)[] Lines(IEnumerable<MemberBalance> stored) =>
        stored
            .Where(b => b.NetMinorUnits != 0)
            .Select(b => (b.Currency, b.UserId, b.NetMinorUnits))
            .OrderBy(l => l.Currency, StringComparer.Ordinal)
            .ThenBy(l => l.UserId.Value)
            .ToArray();

    /// <summary>The oracle: paid minus owed over the surviving expenses, independent of BalanceEffect.</summary>
    private static (string, UserId, long)[] Recompute(IEnumerable<Expense> expenses)
    {
        var net = new Dictionary<(string, UserId), long>();
        foreach (var expense in expenses.Where(e => !e.IsVoided))
        {
            foreach (var payer in expense.Payers)
            {
                net[(expense.Currency, payer.UserId)] =
                    net.GetValueOrDefault((expense.Currency, payer.UserId)) + payer.PaidMinorUnits;
            }

            foreach (var split in expense.Splits)
            {
                net[(expense.Currency, split.UserId)] =
                    net.GetValueOrDefault((expense.Currency, split.UserId)) - split.OwedMinorUnits;
            }
        }

        return net.Where(e => e.Value != 0)
            .Select(e => (e.Key.Item1, e.Key.Item2, e.Value))
            .OrderBy(l => l.Item1, StringComparer.Ordinal)
            .ThenBy(l => l.Item2.Value)
            .ToArray();
    }
}
