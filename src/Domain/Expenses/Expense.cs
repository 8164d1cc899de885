using Ledger.Domain.Common;
using Ledger.Domain.Monetary;
using Ledger.Domain.Settlements;

namespace Ledger.Domain.Expenses;

/// <summary>
/// Money one or several members paid for the group, and who owes what of it. Guards the money
/// invariants: the payers' amounts and the splits each add up to the total exactly, in the
/// currency's minor units. Never deleted: voiding keeps it readable and out of balances.
/// </summary>
public sealed class Expense : AggregateRoot<ExpenseId>, IVersioned
{
    public const int DescriptionMaxLength = 200;
    public const int NoteMaxLength = 2000;
    public const int MaxPayers = 50;
    public const int ImportIdMaxLength = 100;

    private readonly List<ExpensePayer> _payers = [];
    private readonly List<ExpenseSplit> _splits = [];
    private readonly List<ExpenseItem> _items = [];
    private readonly List<SplitPayment> _splitPayments = [];

    private Expense()
    {
        Description = string.Empty;
        Currency = string.Empty;
    }

    public GroupId GroupId { get; private init; }
    public string Description { get; private set; }
    public ExpenseCategory Category { get; private set; }
    public string? Note { get; private set; }
    public DateOnly Date { get; private set; }
    public string Currency { get; private set; }
    public long TotalMinorUnits { get; private set; }
    public SplitType SplitType { get; private set; }

    /// <summary>For item-based splits: how the part the items do not cover was divided.</summary>
    public SplitType? RestSplitType { get; private set; }

    public ListId? ListId { get; private set; }
    public Actor CreatedBy { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Who voided the expense, when and why; null while it counts.</summary>
    public VoidRecord? Voided { get; private set; }

    /// <summary>
    /// For an expense an import created: which file and row it came from. Unique per group, so
    /// importing the same file again creates nothing twice.
    /// </summary>
    public string? ImportId { get; private init; }

    public IReadOnlyList<ExpensePayer> Payers => _payers;
    public IReadOnlyList<ExpenseSplit> Splits => _splits;

    /// <summary>
    /// The payments recorded against the splits: those loaded with the expense and those
    /// recorded since (the store does not load them with it by default).
    /// </summary>
    public IReadOnlyList<SplitPayment> SplitPayments => _splitPayments;
    public IReadOnlyList<ExpenseItem> Items => _items;

    public Money Total => Money.FromMinorUnits(TotalMinorUnits, Currency);
    public bool IsVoided => Voided is not null;

    /// <param name="members">Who may appear as payer or in the split (the group's members).</param>
    public static Expense Create(
        GroupId groupId,
        ExpenseDetails details,
        Actor createdBy,
        IReadOnlySet<UserId> members,
        DateTimeOffset now,
        string? importId = null
    )
    {
        var expense = new Expense
        {
            Id = ExpenseId.New(),
            GroupId = groupId,
            CreatedBy = createdBy.Require("expense.creator", "An expense needs a creator."),
            CreatedAt = now,
            Version = 1,
            ImportId =
                importId is { Length: > 0 and <= ImportIdMaxLength } ? importId
                : importId is null ? null
                : throw new DomainValidationException(
                    "expense.import-id",
                    "The import id is 1 to 100 characters."
                ),
        };
        expense.Apply(details, members);
        expense.Raise(
            new ExpenseCreated(
                groupId,
                expense.Id,
                expense.Total.ToCanonicalString(),
                expense.Currency,
                expense.Version
            )
        );
        return expense;
    }

    public void Update(ExpenseDetails details, IReadOnlySet<UserId> members, DateTimeOffset now)
    {
        EnsureChangeable("changed");
        Apply(details, members);
        UpdatedAt = now;
        Version++;
        Raise(new ExpenseUpdated(GroupId, Id, Total.ToCanonicalString(), Currency, Version));
    }

    public void Void(Actor by, string reason, DateTimeOffset now)
    {
        EnsureChangeable("voided");
        Voided = VoidRecord.Of(by, reason, now, "expense");
        Version++;
        Raise(new ExpenseVoided(GroupId, Id, Version));
    }

    public long PaidMinorUnitsBy(UserId member) =>
        _payers.Where(p => p.UserId == member).Sum(p => p.PaidMinorUnits);

    /// <summary>
    /// A member pays (part of) their split to one of the expense's payers: the expense records
    /// the payment as its child (the only way a split payment comes to exist), never more than
    /// is still owed on the split (<see cref="OverSettlement"/>). The payee may be left out when
    /// exactly one payer other than the split's member can receive it. A pending payment (a
    /// partner's) is checked now as it will be again on confirmation, and settles nothing until
    /// then. Does not bump the expense's version: payments on different splits must not conflict
    /// with each other.
    /// </summary>
    public SplitPayment RecordSplitPayment(
        ExpenseSplitId splitId,
        UserId? payee,
        Money amount,
        DateTimeOffset paidAt,
        Actor recordedBy,
        DateTimeOffset now,
        bool pending = false
    )
    {
        var split = RequireSplit(splitId);
        var candidates = _payers.Select(p => p.UserId).Where(u => u != split.UserId).ToArray();
        var receiver = payee ?? (candidates.Length == 1 ? candidates[0] : null);
        if (receiver is not { } to || !candidates.Contains(to))
        {
            throw new DomainValidationException(
                "split-payment.payee",
                "payeeUserId: name one of the expense's payers (other than the split's member) who received the payment.",
                "payeeUserId"
            );
        }

        var payment = new SplitPayment(
            GroupId,
            Id,
            split.Id,
            split.UserId,
            to,
            amount,
            paidAt,
            recordedBy,
            now,
            pending
        );
        if (pending)
        {
            split.EnsureCanPay(amount);
        }
        else
        {
            Settle(splitId, amount);
        }

        _splitPayments.Add(payment);
        Raise(
            new SplitPaid(
                GroupId,
                Id,
                split.Id,
                payment.Id,
                split.UserId,
                to,
                payment.Amount.ToCanonicalString(),
                payment.Currency,
                pending
            )
        );
        return payment;
    }

    /// <summary>Takes back what a voided payment settled (see <see cref="VoidSplitPayment"/>).</summary>
    internal ExpenseSplit ReverseSplitPayment(ExpenseSplitId splitId, Money amount)
    {
        var split = RequireSplit(splitId);
        split.ReversePayment(amount);
        return split;
    }

    private void Settle(ExpenseSplitId splitId, Money amount)
    {
        EnsureNotVoided("paid");
        RequireSplit(splitId).RecordPayment(amount);
    }

    /// <summary>The payee confirms a pending payment: from now on it settles the split.</summary>
    public void ConfirmSplitPayment(SplitPayment payment, UserId by, DateTimeOffset now)
    {
        EnsureOwns(payment);
        payment.Decide(by, SettlementStatus.Confirmed, now);
        Settle(payment.SplitId, payment.Amount);
    }

    /// <summary>The payee says a pending payment never arrived: it never counts.</summary>
    public void DeclineSplitPayment(SplitPayment payment, UserId by, DateTimeOffset now)
    {
        EnsureOwns(payment);
        payment.Decide(by, SettlementStatus.Declined, now);
    }

    /// <summary>Voids a payment against one of this expense's splits: the split owes it again.</summary>
    public void VoidSplitPayment(SplitPayment payment, Actor by, string reason, DateTimeOffset now)
    {
        EnsureOwns(payment);
        var counted = payment.Counts;
        payment.Void(by, reason, now);
        if (counted)
        {
            ReverseSplitPayment(payment.SplitId, payment.Amount);
        }
    }

    private void EnsureOwns(SplitPayment payment)
    {
        if (payment.ExpenseId != Id || payment.GroupId != GroupId)
        {
            throw new InvalidOperationException("The payment belongs to another expense.");
        }
    }

    private void Apply(ExpenseDetails details, IReadOnlySet<UserId> members)
    {
        var description = ExpenseInput.RequireDescription(details.Description);
        var note = ExpenseInput.RequireNote(details.Note);
        ExpenseInput.RequireCategory(details.Category);
        var total = ExpenseInput.RequireTotal(details.Total);
        var payers = ExpenseInput.RequirePayers(details.Payers, total, members);
        var split = ExpenseInput.RequireSplit(details);
        var parts = ExpenseInput.RequireMembers(split.Apply(total), members);

        // Everything is checked before anything changes, so a refused update leaves no trace.
        Description = description;
        Note = note;
        Date = details.Date;
        Category = details.Category;
        Currency = total.Currency;
        TotalMinorUnits = total.ToMinorUnits();
        SplitType = split.Type;
        RestSplitType = (split as ItemBasedSplit)?.Rest?.Type;
        ListId = details.List;
        ReplacePayers(payers);
        ReplaceItems((split as ItemBasedSplit)?.Items ?? []);
        ReplaceSplits(parts);
    }

    private void ReplacePayers(IReadOnlyList<MemberAmount> payers)
    {
        _payers.Clear();
        _payers.AddRange(
            payers.Select(p => new ExpensePayer(Id, GroupId, p.Member, p.Amount.ToMinorUnits()))
        );
    }

    private void ReplaceItems(IReadOnlyList<ItemCharge> items)
    {
        _items.Clear();
        _items.AddRange(
            items.Select(i => new ExpenseItem(Id, GroupId, i.Item, i.For, i.Price.ToMinorUnits()))
        );
    }

    /// <summary>Keeps each remaining member's split (and its id), so references to it stay valid.</summary>
    private void ReplaceSplits(IReadOnlyList<SplitPart> parts)
    {
        var existing = _splits.ToDictionary(s => s.UserId);
        _splits.Clear();
        foreach (var part in parts)
        {
            var split =
                existing.GetValueOrDefault(part.Member)
                ?? new ExpenseSplit(Id, GroupId, part.Member);
            split.Assign(Currency, part, PaidMinorUnitsBy(part.Member));
            _splits.Add(split);
        }
    }

    private void EnsureChangeable(string action)
    {
        EnsureNotVoided(action);
        if (_splits.Any(s => s.HasRecordedPayments))
        {
            throw new BusinessRuleViolationException(
                "expense.has-payments",
                $"Payments were recorded against this expense's splits: void them before it can be {action}."
            );
        }
    }

    private void EnsureNotVoided(string action)
    {
        if (IsVoided)
        {
            throw new BusinessRuleViolationException(
                "expense.voided",
                $"This expense is voided and cannot be {action}."
            );
        }
    }

    private ExpenseSplit RequireSplit(ExpenseSplitId splitId) =>
        _splits.FirstOrDefault(s => s.Id == splitId)
        ?? throw new BusinessRuleViolationException(
            "expense.split-not-found",
            "This expense has no such split."
        );
}
