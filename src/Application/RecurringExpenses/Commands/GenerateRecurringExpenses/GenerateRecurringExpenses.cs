using Ledger.Application.Common.Outbox;
using Ledger.Application.Expenses;
using Ledger.Application.MoneyRules;
using Ledger.Application.Operations;
using Ledger.Domain.Audit;
using Ledger.Domain.Balances;
using Ledger.Domain.Groups;
using Ledger.Domain.Integrations;
using Ledger.Domain.Recurrence;

namespace Ledger.Application.RecurringExpenses.Commands.GenerateRecurringExpenses;

/// <summary>
/// The worker's command: records every occurrence of a recurring expense whose day has come in
/// its group's time zone, as a normal expense (same domain checks, balances, audit and outbox
/// event), catching up missed ones. One batch per command and transaction, set-based (ADR 0022):
/// at most <see cref="BatchSize"/> templates, claimed with <c>FOR UPDATE SKIP LOCKED</c>
/// (<see cref="IRecurringExpenseClaims"/>) so other workers take others at the same time, and at most <see cref="MaxOccurrences"/>
/// expenses; the report's next command does the rest. Every read is one query for the whole
/// batch, every write one statement per table (<see cref="IBulkWriter"/>), and the balance
/// deltas are summed per group, member and currency and written last before COMMIT.
/// Exactly once: a template's row is held while its occurrences are recorded, each advances its
/// last generated date in the same transaction, and (template, date) is a unique key, so a
/// retry, a crash before commit or a second worker can never record one twice.
/// </summary>
public sealed record GenerateRecurringExpenses(int BatchSize, int MaxOccurrences)
    : IScheduledCommand
{
    public const int DefaultBatchSize = 1000;
    public const int DefaultMaxOccurrences = 1000;

    public GenerateRecurringExpenses()
        : this(DefaultBatchSize, DefaultMaxOccurrences) { }
}

public sealed class GenerateRecurringExpensesValidator
    : AbstractValidator<GenerateRecurringExpenses>
{
    public GenerateRecurringExpensesValidator()
    {
        RuleFor(c => c.BatchSize).InclusiveBetween(1, 2000);
        RuleFor(c => c.MaxOccurrences).InclusiveBetween(1, 5000);
    }
}

public sealed class GenerateRecurringExpensesHandler(
    IApplicationDbContext db,
    IBalanceWriter balances,
    IBulkWriter writer,
    IRecurringExpenseClaims claims,
    IMembershipLocks locks,
    AuditTrail audit,
    ICurrentPrincipal principal,
    TimeProvider clock
) : ICommandHandler<GenerateRecurringExpenses, JobReport>
{
    /// <summary>The template columns generation changes (never the template or its version, unless suspended).</summary>
    private static readonly string[] GenerationState =
    [
        nameof(RecurringExpense.Status),
        nameof(RecurringExpense.SuspendedReason),
        nameof(RecurringExpense.LastOccurrenceDate),
        nameof(RecurringExpense.GeneratedCount),
        nameof(RecurringExpense.NextOccurrenceDate),
        nameof(RecurringExpense.NextDueAt),
        nameof(RecurringExpense.EndedAt),
        nameof(RecurringExpense.UpdatedAt),
        nameof(RecurringExpense.Version),
    ];

    public async ValueTask<JobReport> Handle(
        GenerateRecurringExpenses command,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow();
        // Every template records at least one occurrence (or none, when due by a stale instant):
        // claiming more than the budget would only hold rows another worker could take.
        var limit = Math.Min(command.BatchSize, command.MaxOccurrences);
        var claimed = await claims.ClaimDueAsync(now, limit, cancellationToken);
        if (claimed.Count == 0)
        {
            return new JobReport(
                "Recorded 0 occurrences of 0 recurring expenses; suspended 0.",
                NeedsAttention: false
            );
        }

        // Which dates each template records, within the budget: only the groups of templates
        // that record something are then locked and read. The claim returned the templates
        // themselves (ADR 0082), untracked.
        var changed = new List<RecurringExpense>(claimed.Count);
        var plans = new List<Plan>(claimed.Count);
        var budget = command.MaxOccurrences;
        foreach (var due in claimed)
        {
            if (budget == 0)
            {
                break;
            }

            var recurring = due.Template;
            var calendar = new GroupCalendar(due.TimeZoneId);
            changed.Add(recurring);
            var dates = recurring.DueOccurrences(calendar.Today(now), budget);
            if (dates.Count == 0)
            {
                // Due by a stale instant (the group changed its time zone): due again at the right one.
                recurring.Reschedule(calendar, now);
                continue;
            }

            plans.Add(new Plan(recurring, calendar, dates));
            budget -= dates.Count;
        }

        var (members, partnerWriters) = await ReadGroupsAsync(plans, cancellationToken);
        var occurrences = new Occurrences();
        var suspended = 0;
        foreach (var plan in plans)
        {
            if (!Generate(plan, members[plan.Template.GroupId], partnerWriters, occurrences, now))
            {
                suspended++;
            }
        }

        await occurrences.WriteAsync(writer, cancellationToken);
        await writer.UpdateAsync(changed, GenerationState, cancellationToken);
        foreach (var (groupId, effect) in occurrences.Effects)
        {
            await balances.ApplyAsync(groupId, effect, cancellationToken);
        }

        var more = claimed.Count == limit || budget == 0;
        return new JobReport(
            $"Recorded {occurrences.Count} occurrences of {claimed.Count} recurring expenses; suspended {suspended}.",
            NeedsAttention: suspended > 0,
            Next: more ? command : null
        );
    }

    /// <summary>
    /// The members of the groups that record occurrences, locked against membership changes,
    /// and the partners still allowed to write there: two or three queries for the batch.
    /// </summary>
    private async Task<(
        IReadOnlyDictionary<GroupId, GroupMembers>,
        IReadOnlySet<(GroupId, string)>
    )> ReadGroupsAsync(IReadOnlyList<Plan> plans, CancellationToken cancellationToken)
    {
        if (plans.Count == 0)
        {
            return (new Dictionary<GroupId, GroupMembers>(), new HashSet<(GroupId, string)>());
        }

        var groupIds = plans.Select(p => p.Template.GroupId).Distinct().ToList();
        var members = await GroupMembers.LockAndReadManyAsync(
            db,
            locks,
            groupIds,
            cancellationToken
        );
        if (!plans.Any(p => p.Template.CreatedBy.ClientId is not null))
        {
            return (members, new HashSet<(GroupId, string)>());
        }

        var grants = await db
            .IntegrationGrants.AsNoTracking()
            .Where(g =>
                groupIds.Contains(g.GroupId)
                && g.RevokedAt == null
                && g.Scopes.Contains(IntegrationScopes.Write)
            )
            .Select(g => new { g.GroupId, g.ClientId })
            .ToListAsync(cancellationToken);
        return (members, grants.Select(g => (g.GroupId, g.ClientId)).ToHashSet());
    }

    /// <summary>Records the planned occurrences; false when the template had to be suspended.</summary>
    private bool Generate(
        Plan plan,
        GroupMembers members,
        IReadOnlySet<(GroupId, string)> partnerWriters,
        Occurrences occurrences,
        DateTimeOffset now
    )
    {
        var (recurring, calendar, dates) = plan;
        var groupId = recurring.GroupId;
        if (!CreatorMayStillRecord(recurring, members, partnerWriters))
        {
            // Issue 20 item 11: occurrences are recorded in the creator's name, so only while the
            // creator may still record such an expense (PRODUCT.md section 3). Paused, not failed:
            // the batch goes on with the other templates.
            Suspend(recurring, groupId, CreatorNotAllowed, now);
            return false;
        }

        var recorded = new List<DateOnly>(dates.Count);
        foreach (var date in dates)
        {
            Domain.Expenses.Expense expense;
            try
            {
                expense = recurring.CreateOccurrence(date, members.Ids, now);
            }
            catch (DomainException refused)
            {
                // The template no longer makes a valid expense (a member in it left the group);
                // what was recorded before stays recorded.
                recurring.Generated(recorded, calendar, now);
                Suspend(recurring, groupId, refused.Code, now);
                return false;
            }

            occurrences.Add(expense, recurring, date, principal, now);
            recorded.Add(date);
        }

        recurring.Generated(recorded, calendar, now);
        return true;
    }

    /// <summary>Why a template is paused when its creator left the group or lost the role that allowed it.</summary>
    public const string CreatorNotAllowed = "recurring.creator-not-allowed";

    private void Suspend(
        RecurringExpense recurring,
        GroupId groupId,
        string reasonCode,
        DateTimeOffset now
    )
    {
        recurring.Suspend(reasonCode, now);
        audit.Record(
            RecurringExpenseAudit.Suspended,
            RecurringExpenseAudit.Record,
            recurring.Id,
            groupId,
            reasonCode
        );
    }

    /// <summary>
    /// Whether the creator could record this expense now: a member among its payers, an owner,
    /// or a partner whose grant on the group still has <c>ledger.write</c>.
    /// </summary>
    private static bool CreatorMayStillRecord(
        RecurringExpense recurring,
        GroupMembers members,
        IReadOnlySet<(GroupId, string)> partnerWriters
    )
    {
        if (recurring.CreatedBy.UserId is { } user)
        {
            return members.RoleOf(user) switch
            {
                GroupRole.Owner => true,
                GroupRole.Member => recurring.Members.Any(m =>
                    m.Member == user && m.PaidMinorUnits > 0
                ),
                _ => false,
            };
        }

        return recurring.CreatedBy.ClientId is { } client
            && partnerWriters.Contains((recurring.GroupId, client));
    }

    private sealed record Plan(
        RecurringExpense Template,
        GroupCalendar Calendar,
        IReadOnlyList<DateOnly> Dates
    );

    /// <summary>
    /// The rows of a batch's occurrences, as <c>SaveChanges</c> would write them for expenses
    /// recorded one by one: the expense and its payers and splits, the occurrence key, the audit
    /// event and the outbox row of each domain event, and the balance effects summed per group.
    /// </summary>
    private sealed class Occurrences
    {
        private readonly List<Domain.Expenses.Expense> _expenses = [];
        private readonly List<RecurringExpenseOccurrence> _keys = [];
        private readonly List<AuditEvent> _audit = [];
        private readonly List<OutboxMessage> _outbox = [];
        private readonly Dictionary<GroupId, BalanceEffect> _effects = [];

        public int Count => _expenses.Count;

        public IEnumerable<KeyValuePair<GroupId, BalanceEffect>> Effects =>
            _effects.OrderBy(e => e.Key);

        public void Add(
            Domain.Expenses.Expense expense,
            RecurringExpense recurring,
            DateOnly date,
            ICurrentPrincipal principal,
            DateTimeOffset now
        )
        {
            var groupId = recurring.GroupId;
            _expenses.Add(expense);
            _keys.Add(new RecurringExpenseOccurrence(groupId, recurring.Id, date, expense.Id, now));
            _audit.Add(
                AuditEvent.Record(
                    principal.UserId,
                    principal.ClientId,
                    ExpenseAudit.Created,
                    ExpenseAudit.ExpenseRecord,
                    expense.Id.ToString(),
                    groupId,
                    now
                )
            );
            foreach (var raised in expense.DomainEvents)
            {
                _outbox.Add(OutboxEvents.ToMessage(raised, principal, now));
            }

            expense.ClearDomainEvents();
            var effect = BalanceEffect.Of(expense);
            _effects[groupId] = _effects.TryGetValue(groupId, out var sum)
                ? sum.Plus(effect)
                : effect;
        }

        /// <summary>Parents before children: the foreign keys are checked row by row.</summary>
        public async Task WriteAsync(IBulkWriter writer, CancellationToken cancellationToken)
        {
            await writer.InsertAsync(_expenses, cancellationToken);
            await writer.InsertAsync(
                _expenses.SelectMany(e => e.Payers).ToList(),
                cancellationToken
            );
            await writer.InsertAsync(
                _expenses.SelectMany(e => e.Splits).ToList(),
                cancellationToken
            );
            await writer.InsertAsync(_keys, cancellationToken);
            await writer.InsertAsync(_audit, cancellationToken);
            await writer.InsertAsync(_outbox, cancellationToken);
        }
    }
}
