using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Settlements;

namespace Ledger.Domain.Balances;

/// <summary>
/// What a money record does to the members' balances: per currency and member, paid minus owed.
/// Effects add up and invert, so balances are maintained incrementally: on any change apply
/// <c>Change(before, after)</c>, where a voided expense's effect is <see cref="None"/>.
/// </summary>
/// <remarks>
/// Payments recorded against splits and settlements move money between members outside the
/// expense: the payer's net rises by the amount and the payee's falls by it.
/// </remarks>
public sealed class BalanceEffect
{
    public static readonly BalanceEffect None = new(new Dictionary<(string, UserId), long>());

    private readonly Dictionary<(string Currency, UserId Member), long> _net;

    private BalanceEffect(Dictionary<(string Currency, UserId Member), long> net)
    {
        foreach (var key in net.Where(e => e.Value == 0).Select(e => e.Key).ToArray())
        {
            net.Remove(key);
        }

        _net = net;
    }

    /// <summary>The non-zero lines, ordered by currency and then member id.</summary>
    public IReadOnlyList<MemberNet> Lines =>
        _net.OrderBy(e => e.Key.Currency, StringComparer.Ordinal)
            .ThenBy(e => e.Key.Member.Value)
            .Select(e => new MemberNet(e.Key.Member, e.Key.Currency, e.Value))
            .ToArray();

    public bool IsNone => _net.Count == 0;

    /// <summary>Each member's paid minus owed; nothing for a voided expense.</summary>
    public static BalanceEffect Of(Expense expense)
    {
        var net = new Dictionary<(string, UserId), long>();
        if (!expense.IsVoided)
        {
            foreach (var payer in expense.Payers)
            {
                Add(net, (expense.Currency, payer.UserId), payer.PaidMinorUnits);
            }

            foreach (var split in expense.Splits)
            {
                Add(net, (expense.Currency, split.UserId), -split.OwedMinorUnits);
            }
        }

        return new BalanceEffect(net);
    }

    /// <summary>The payer's debt shrinks and the payee's claim with it; nothing unless it counts.</summary>
    public static BalanceEffect Of(Settlement settlement) =>
        settlement.Counts
            ? Transfer(
                settlement.Currency,
                settlement.FromUserId,
                settlement.ToUserId,
                settlement.AmountMinorUnits
            )
            : None;

    /// <summary>The split's member paid one of the expense's payers; nothing unless it counts.</summary>
    public static BalanceEffect Of(SplitPayment payment) =>
        !payment.Counts
            ? None
            : Transfer(
                payment.Currency,
                payment.DebtorUserId,
                payment.PayeeUserId,
                payment.AmountMinorUnits
            );

    /// <summary>A whole history: expenses, settlements and payments against splits.</summary>
    public static BalanceEffect Of(
        IEnumerable<Expense> expenses,
        IEnumerable<Settlement> settlements,
        IEnumerable<SplitPayment> splitPayments
    ) =>
        settlements
            .Select(Of)
            .Concat(splitPayments.Select(Of))
            .Aggregate(Of(expenses), (sum, effect) => sum.Plus(effect));

    private static BalanceEffect Transfer(string currency, UserId from, UserId to, long amount)
    {
        var net = new Dictionary<(string, UserId), long>();
        Add(net, (currency, from), amount);
        Add(net, (currency, to), checked(-amount));
        return new BalanceEffect(net);
    }

    /// <summary>The balances a history adds up to: what a full recomputation yields.</summary>
    public static BalanceEffect Of(IEnumerable<Expense> expenses) =>
        expenses.Select(Of).Aggregate(None, (sum, effect) => sum.Plus(effect));

    /// <summary>What to apply to go from the balances with <paramref name="before"/> to those with <paramref name="after"/>.</summary>
    public static BalanceEffect Change(BalanceEffect before, BalanceEffect after) =>
        after.Plus(before.Inverse());

    public BalanceEffect Plus(BalanceEffect other)
    {
        var net = new Dictionary<(string, UserId), long>(_net);
        foreach (var (key, value) in other._net)
        {
            Add(net, key, value);
        }

        return new BalanceEffect(net);
    }

    public BalanceEffect Inverse() => new(_net.ToDictionary(e => e.Key, e => checked(-e.Value)));

    /// <summary>
    /// Adds this effect to a group's stored balances; returns the balances it had to create,
    /// which the caller stores.
    /// </summary>
    public IReadOnlyList<MemberBalance> ApplyTo(
        GroupId groupId,
        IEnumerable<MemberBalance> existing
    )
    {
        var balances = existing
            .Where(b => b.GroupId == groupId)
            .ToDictionary(b => (b.Currency, b.UserId));
        var created = new List<MemberBalance>();
        foreach (var line in Lines)
        {
            if (!balances.TryGetValue((line.Currency, line.Member), out var balance))
            {
                balance = new MemberBalance(groupId, line.Member, line.Currency);
                balances.Add((line.Currency, line.Member), balance);
                created.Add(balance);
            }

            balance.Add(line.NetMinorUnits);
        }

        return created;
    }

    private static void Add(
        Dictionary<(string, UserId), long> net,
        (string, UserId) key,
        long minorUnits
    ) => net[key] = checked(net.GetValueOrDefault(key) + minorUnits);
}
