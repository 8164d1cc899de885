using FluentValidation;
using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Expenses;
using Ledger.Application.MoneyRules;
using Ledger.Application.Operations;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Ledger.Domain.Integrations;
using Ledger.Domain.Recurrence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.RecurringExpenses.Commands.GenerateRecurringExpenses;

/// <summary>
/// The worker's command: records every occurrence of a recurring expense whose day has come in
/// its group's time zone, as a normal expense (same checks, balances and audit), catching up
/// missed ones. One batch per command and transaction: at most <see cref="BatchSize"/>
/// templates, claimed with <c>FOR UPDATE SKIP LOCKED</c> so a second worker takes others, and
/// at most <see cref="MaxOccurrences"/> expenses; the report's next command does the rest.
/// Exactly once: a template's row is held while its occurrences are recorded, each advances its
/// last generated date in the same transaction, and (template, date) is a unique key, so a
/// retry, a crash before commit or a second worker can never record one twice.
/// </summary>
public sealed record GenerateRecurringExpenses(int BatchSize, int MaxOccurrences)
    : IScheduledCommand
{
    public const int DefaultBatchSize = 50;
    public const int DefaultMaxOccurrences = 200;

    public GenerateRecurringExpenses()
        : this(DefaultBatchSize, DefaultMaxOccurrences) { }
}

public sealed class GenerateRecurringExpensesValidator
    : AbstractValidator<GenerateRecurringExpenses>
{
    public GenerateRecurringExpensesValidator()
    {
        RuleFor(c => c.BatchSize).InclusiveBetween(1, 500);
        RuleFor(c => c.MaxOccurrences).InclusiveBetween(1, 2000);
    }
}

public sealed class GenerateRecurringExpensesHandler(
    IApplicationDbContext db,
    IBalanceWriter balances,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<GenerateRecurringExpenses, JobReport>
{
    public async ValueTask<JobReport> Handle(
        GenerateRecurringExpenses command,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow();
        var claimed = await db
            .Database.SqlQuery<DueTemplate>(
                $"""
                SELECT r.group_id, r.id, g.time_zone_id
                FROM recurring_expenses r
                JOIN groups g ON g.id = r.group_id
                WHERE r.next_due_at <= {now} AND r.status = 'Active' AND g.status = 'Active'
                ORDER BY r.next_due_at, r.id
                LIMIT {command.BatchSize}
                FOR UPDATE OF r SKIP LOCKED
                """
            )
            .ToListAsync(cancellationToken);

        var budget = command.MaxOccurrences;
        var (generated, suspended) = (0, 0);
        foreach (var due in claimed)
        {
            if (budget == 0)
            {
                break;
            }

            var created = await GenerateAsync(due, budget, now, cancellationToken);
            if (created < 0)
            {
                suspended++;
                continue;
            }

            generated += created;
            budget -= created;
        }

        var more = claimed.Count == command.BatchSize || budget == 0;
        return new JobReport(
            $"Recorded {generated} occurrences of {claimed.Count} recurring expenses; suspended {suspended}.",
            NeedsAttention: suspended > 0,
            Next: more ? command : null
        );
    }

    /// <summary>Records the template's due occurrences; -1 when it had to be suspended.</summary>
    private async Task<int> GenerateAsync(
        DueTemplate due,
        int budget,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var groupId = new GroupId(due.GroupId);
        var recurring = await db.LoadRecurringExpenseAsync(
            groupId,
            new RecurringExpenseId(due.Id),
            tracked: true,
            cancellationToken
        );
        var calendar = new GroupCalendar(due.TimeZoneId);
        var dates = recurring.DueOccurrences(calendar.Today(now), budget);
        if (dates.Count == 0)
        {
            // Due by a stale instant (the group changed its time zone): due again at the right one.
            recurring.Reschedule(calendar, now);
            return 0;
        }

        var members = await GroupMembers.LockAndReadAsync(db, groupId, cancellationToken);
        if (!await CreatorMayStillRecordAsync(recurring, members, cancellationToken))
        {
            // Issue 20 item 11: occurrences are recorded in the creator's name, so only while the
            // creator may still record such an expense (PRODUCT.md section 3). Paused, not failed:
            // the batch goes on with the other templates.
            Suspend(recurring, groupId, CreatorNotAllowed, now);
            return -1;
        }

        var created = 0;
        foreach (var date in dates)
        {
            Domain.Expenses.Expense expense;
            try
            {
                expense = recurring.CreateOccurrence(date, members.Ids, now);
            }
            catch (DomainException refused)
            {
                // The template no longer makes a valid expense (a member in it left the group).
                Suspend(recurring, groupId, refused.Code, now);
                return -1;
            }

            db.Expenses.Add(expense);
            db.RecurringExpenseOccurrences.Add(
                new RecurringExpenseOccurrence(groupId, recurring.Id, date, expense.Id, now)
            );
            await balances.ApplyAsync(groupId, BalanceEffect.Of(expense), cancellationToken);
            audit.Record(ExpenseAudit.Created, ExpenseAudit.ExpenseRecord, expense.Id, groupId);
            recurring.Generated(date, calendar, now);
            created++;
        }

        return created;
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
    private async Task<bool> CreatorMayStillRecordAsync(
        RecurringExpense recurring,
        GroupMembers members,
        CancellationToken cancellationToken
    )
    {
        if (recurring.CreatedByUserId is { } user)
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

        var client = recurring.CreatedByClientId;
        return client is not null
            && await db
                .IntegrationGrants.AsNoTracking()
                .AnyAsync(
                    g =>
                        g.GroupId == recurring.GroupId
                        && g.ClientId == client
                        && g.RevokedAt == null
                        && g.Scopes.Contains(IntegrationScopes.Write),
                    cancellationToken
                );
    }

    private sealed record DueTemplate(Guid GroupId, Guid Id, string TimeZoneId);
}
