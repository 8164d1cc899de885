using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.Recurrence;

/// <summary>
/// A template expense (payers, split, currency) and the rule saying when it occurs, in the
/// group's calendar. Each occurrence becomes a normal <see cref="Expense"/> once its date has
/// come in the group's time zone; <see cref="LastOccurrenceDate"/> is the newest one generated,
/// so nothing is generated twice, and <see cref="GenerateFrom"/> the first date that may still
/// be (resuming skips what fell due while paused). Generating does not change
/// <see cref="Version"/>: only members' edits conflict with each other.
/// </summary>
public sealed class RecurringExpense : AggregateRoot<RecurringExpenseId>, IVersioned
{
    private List<TemplateMember> _members = [];

    private RecurringExpense()
    {
        Description = string.Empty;
        Currency = string.Empty;
    }

    public GroupId GroupId { get; private init; }
    public string Description { get; private set; }
    public ExpenseCategory Category { get; private set; }
    public string? Note { get; private set; }
    public string Currency { get; private set; }
    public long TotalMinorUnits { get; private set; }
    public SplitType SplitType { get; private set; }
    public IReadOnlyList<TemplateMember> Members => _members;

    public RecurrenceFrequency Frequency { get; private set; }
    public int Interval { get; private set; }
    public DateOnly StartDate { get; private set; }

    /// <summary>Weekly rules: bit <c>1 &lt;&lt; (int)DayOfWeek</c> for each chosen weekday.</summary>
    public int WeekdayMask { get; private set; }

    public DateOnly? UntilDate { get; private set; }
    public int? MaxOccurrences { get; private set; }

    public RecurringExpenseStatus Status { get; private set; }
    public DateOnly GenerateFrom { get; private set; }
    public DateOnly? LastOccurrenceDate { get; private set; }
    public int GeneratedCount { get; private set; }

    /// <summary>The next occurrence to generate; null when paused or ended.</summary>
    public DateOnly? NextOccurrenceDate { get; private set; }

    /// <summary>When the next occurrence's day starts in the group's time zone: the worker's index.</summary>
    public DateTimeOffset? NextDueAt { get; private set; }

    /// <summary>Why generation stopped by itself (a rule code), if it did.</summary>
    public string? SuspendedReason { get; private set; }

    public Actor CreatedBy { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public int Version { get; private set; }

    public Money Total => Money.FromMinorUnits(TotalMinorUnits, Currency);

    public RecurrenceRule Rule =>
        RecurrenceRule.Create(
            Frequency,
            Interval,
            StartDate,
            Frequency == RecurrenceFrequency.Weekly ? WeekdaysOf(WeekdayMask) : null,
            UntilDate,
            MaxOccurrences
        );

    /// <param name="template">The expense as it will be recorded; its date is ignored (each occurrence has its own).</param>
    /// <param name="members">The group's members: the template must make a valid expense today.</param>
    public static RecurringExpense Create(
        GroupId groupId,
        ExpenseDetails template,
        RecurrenceRule rule,
        Actor createdBy,
        IReadOnlySet<UserId> members,
        GroupCalendar calendar,
        DateTimeOffset now
    )
    {
        var recurring = new RecurringExpense
        {
            Id = RecurringExpenseId.New(),
            GroupId = groupId,
            CreatedBy = createdBy,
            CreatedAt = now,
            Version = 1,
            Status = RecurringExpenseStatus.Active,
            GenerateFrom = rule.Start,
        };
        recurring.Apply(template, rule, members);
        recurring.Reschedule(calendar, now);
        return recurring;
    }

    /// <summary>
    /// Replaces the template and the rule. Occurrences already generated stay as they are; the
    /// new rule applies to the dates after the last one.
    /// </summary>
    public void Update(
        ExpenseDetails template,
        RecurrenceRule rule,
        IReadOnlySet<UserId> members,
        GroupCalendar calendar,
        DateTimeOffset now
    )
    {
        EnsureNotEnded("changed");
        Apply(template, rule, members);
        UpdatedAt = now;
        Version++;
        Reschedule(calendar, now);
    }

    public void Pause(DateTimeOffset now)
    {
        EnsureNotEnded("paused");
        if (Status == RecurringExpenseStatus.Paused)
        {
            throw new BusinessRuleViolationException(
                "recurring-expense.paused",
                "This recurring expense is already paused."
            );
        }

        Status = RecurringExpenseStatus.Paused;
        UpdatedAt = now;
        Version++;
        Reschedule(null, now);
    }

    /// <summary>Generation goes on from the group's today: what fell due while paused is skipped.</summary>
    public void Resume(GroupCalendar calendar, DateTimeOffset now)
    {
        EnsureNotEnded("resumed");
        if (Status != RecurringExpenseStatus.Paused)
        {
            throw new BusinessRuleViolationException(
                "recurring-expense.not-paused",
                "This recurring expense is not paused."
            );
        }

        var today = calendar.Today(now);
        Status = RecurringExpenseStatus.Active;
        SuspendedReason = null;
        GenerateFrom = today > GenerateFrom ? today : GenerateFrom;
        UpdatedAt = now;
        Version++;
        Reschedule(calendar, now);
    }

    public void End(DateTimeOffset now)
    {
        EnsureNotEnded("ended");
        UpdatedAt = now;
        Version++;
        Finish(now);
    }

    /// <summary>The occurrences due by the group's <paramref name="today"/> not generated yet, oldest first.</summary>
    public IReadOnlyList<DateOnly> DueOccurrences(DateOnly today, int limit) =>
        Status == RecurringExpenseStatus.Active
            ? Pending().TakeWhile(d => d <= today).Take(limit).ToList()
            : [];

    /// <summary>The next <paramref name="count"/> occurrences that will be generated.</summary>
    public IReadOnlyList<DateOnly> Preview(int count) =>
        Status == RecurringExpenseStatus.Ended ? [] : Pending().Take(count).ToList();

    /// <summary>The expense of one occurrence, made by the template's creator.</summary>
    public Expense CreateOccurrence(
        DateOnly date,
        IReadOnlySet<UserId> members,
        DateTimeOffset now
    ) => Expense.Create(GroupId, DetailsFor(date), CreatedBy, members, now);

    /// <summary>Records that the occurrence of <paramref name="date"/> exists now.</summary>
    public void Generated(DateOnly date, GroupCalendar calendar, DateTimeOffset now) =>
        Generated([date], calendar, now);

    /// <summary>
    /// Records that the occurrences of <paramref name="dates"/> (oldest first) exist now, and
    /// computes the next one once: catching up a long backlog stays linear in its length.
    /// </summary>
    public void Generated(IReadOnlyList<DateOnly> dates, GroupCalendar calendar, DateTimeOffset now)
    {
        foreach (var date in dates)
        {
            if (LastOccurrenceDate is { } last && date <= last)
            {
                throw new BusinessRuleViolationException(
                    "recurring-expense.generated",
                    "This occurrence was generated already."
                );
            }

            LastOccurrenceDate = date;
            GeneratedCount++;
        }

        Reschedule(calendar, now);
    }

    /// <summary>
    /// Generation stops when an occurrence cannot be recorded any more (a member of the template
    /// left the group): paused with the reason, for a member to fix and resume.
    /// </summary>
    public void Suspend(string reasonCode, DateTimeOffset now)
    {
        Status = RecurringExpenseStatus.Paused;
        SuspendedReason = reasonCode;
        UpdatedAt = now;
        Version++;
        Reschedule(null, now);
    }

    /// <summary>Recomputes when the next occurrence is due, e.g. after the group changed its time zone.</summary>
    public void Reschedule(GroupCalendar? calendar, DateTimeOffset now)
    {
        if (Status != RecurringExpenseStatus.Active || calendar is null)
        {
            NextOccurrenceDate = null;
            NextDueAt = null;
            return;
        }

        var next = Pending().Take(1).ToList();
        if (next.Count == 0)
        {
            Finish(now);
            return;
        }

        NextOccurrenceDate = next[0];
        NextDueAt = calendar.InstantOf(next[0], TimeOnly.MinValue);
    }

    public ExpenseDetails DetailsFor(DateOnly date)
    {
        var payers = _members
            .Where(m => m.PaidMinorUnits > 0)
            .Select(m => new MemberAmount(
                m.Member,
                Money.FromMinorUnits(m.PaidMinorUnits, Currency)
            ))
            .ToArray();
        var inSplit = _members.Where(m => m.InSplit).ToArray();
        SplitRule split = SplitType switch
        {
            SplitType.Equal => new EqualSplit(inSplit.Select(m => m.Member).ToArray()),
            SplitType.Exact => new ExactSplit(
                inSplit
                    .Select(m => new MemberAmount(
                        m.Member,
                        Money.FromMinorUnits(m.OwedMinorUnits ?? 0, Currency)
                    ))
                    .ToArray()
            ),
            SplitType.Percentage => new PercentageSplit(
                inSplit.Select(m => new MemberWeight(m.Member, m.Weight ?? 0m)).ToArray()
            ),
            _ => new SharesSplit(
                inSplit.Select(m => new MemberWeight(m.Member, m.Weight ?? 0m)).ToArray()
            ),
        };
        return new ExpenseDetails(
            Description,
            Category,
            Total,
            date,
            payers,
            split,
            List: null,
            Note
        );
    }

    private IEnumerable<DateOnly> Pending() =>
        Rule.Occurrences()
            .Where(d => d >= GenerateFrom)
            .SkipWhile(d => LastOccurrenceDate is { } last && d <= last);

    private void Apply(ExpenseDetails template, RecurrenceRule rule, IReadOnlySet<UserId> members)
    {
        if (template.Split is ItemBasedSplit || template.List is not null)
        {
            throw new DomainValidationException(
                "recurring-expense.item-based",
                "split: a recurring expense is split equal, exact, percentage or shares.",
                "split.type"
            );
        }

        // The template must make a valid expense (payers and split add up, all members): the
        // expense's own checks say so, naming the field at fault. The expense is thrown away.
        _ = Expense.Create(GroupId, template, Actor.Client("template-check"), members, CreatedAt);

        var paid = template.Payers.ToDictionary(p => p.Member, p => p.Amount.ToMinorUnits());
        var parts = SplitEntries(template.Split);
        var list = parts
            .Select(p => p with { PaidMinorUnits = paid.GetValueOrDefault(p.Member) })
            .ToList();
        list.AddRange(
            paid.Where(p => parts.All(s => s.Member != p.Key))
                .Select(p => new TemplateMember(p.Key, p.Value, InSplit: false))
        );

        Description = template.Description.Trim();
        Note = string.IsNullOrWhiteSpace(template.Note) ? null : template.Note.Trim();
        Category = template.Category;
        Currency = template.Total.Currency;
        TotalMinorUnits = template.Total.ToMinorUnits();
        SplitType = template.Split.Type;
        _members = list;
        Frequency = rule.Frequency;
        Interval = rule.Interval;
        StartDate = rule.Start;
        WeekdayMask = rule.Weekdays.Aggregate(0, (mask, day) => mask | (1 << (int)day));
        UntilDate = rule.Until;
        MaxOccurrences = rule.MaxOccurrences;
    }

    private static List<TemplateMember> SplitEntries(SplitRule split) =>
        split switch
        {
            EqualSplit equal => equal
                .Members.Select(m => new TemplateMember(m, 0, InSplit: true))
                .ToList(),
            ExactSplit exact => exact
                .Amounts.Select(a => new TemplateMember(
                    a.Member,
                    0,
                    InSplit: true,
                    OwedMinorUnits: a.Amount.ToMinorUnits()
                ))
                .ToList(),
            PercentageSplit percentage => percentage
                .Percentages.Select(p => new TemplateMember(
                    p.Member,
                    0,
                    InSplit: true,
                    Weight: p.Weight
                ))
                .ToList(),
            SharesSplit shares => shares
                .Shares.Select(s => new TemplateMember(
                    s.Member,
                    0,
                    InSplit: true,
                    Weight: s.Weight
                ))
                .ToList(),
            _ => throw new DomainValidationException(
                "split.type",
                "split.type: not a known split type.",
                "split.type"
            ),
        };

    private static DayOfWeek[] WeekdaysOf(int mask) =>
        Enum.GetValues<DayOfWeek>().Where(d => (mask & (1 << (int)d)) != 0).ToArray();

    private void Finish(DateTimeOffset now)
    {
        Status = RecurringExpenseStatus.Ended;
        EndedAt ??= now;
        NextOccurrenceDate = null;
        NextDueAt = null;
    }

    private void EnsureNotEnded(string action)
    {
        if (Status == RecurringExpenseStatus.Ended)
        {
            throw new BusinessRuleViolationException(
                "recurring-expense.ended",
                $"This recurring expense has ended and cannot be {action}."
            );
        }
    }
}
