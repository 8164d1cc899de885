using Ardalis.Specification;
using Ledger.Domain.Audit;
using Ledger.Domain.Balances;
using Ledger.Domain.Chores;
using Ledger.Domain.Expenses;
using Ledger.Domain.Groups;
using Ledger.Domain.Integrations;
using Ledger.Domain.Lists;
using Ledger.Domain.Operations;
using Ledger.Domain.Recurrence;
using Ledger.Domain.Settlements;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Ledger.Application.Common.Interfaces;

/// <summary>
/// The unit of work the use cases see. Handlers add and change entities; the transaction
/// behaviour saves and commits, so no handler can forget to (docs/requirements.md A13).
/// </summary>
public interface IApplicationDbContext
{
    DbSet<Group> Groups { get; }
    DbSet<Membership> Memberships { get; }
    DbSet<Invite> Invites { get; }
    DbSet<GroupDeletionRequest> GroupDeletionRequests { get; }
    DbSet<AuditEvent> AuditEvents { get; }
    DbSet<MemberBalance> MemberBalances { get; }
    DbSet<ShoppingList> Lists { get; }
    DbSet<ListItem> ListItems { get; }
    DbSet<Chore> Chores { get; }
    DbSet<ChoreAssignment> ChoreAssignments { get; }
    DbSet<ChoreEvent> ChoreEvents { get; }
    DbSet<Expense> Expenses { get; }
    DbSet<IntegrationGrant> IntegrationGrants { get; }
    DbSet<JobRun> JobRuns { get; }
    DbSet<RecurringExpense> RecurringExpenses { get; }
    DbSet<RecurringExpenseOccurrence> RecurringExpenseOccurrences { get; }
    DbSet<Settlement> Settlements { get; }
    DbSet<SplitPayment> SplitPayments { get; }
    DbSet<IdempotencyRecord> IdempotencyRecords { get; }
    DbSet<Receipt> Receipts { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<WebhookSubscription> WebhookSubscriptions { get; }
    DbSet<WebhookDelivery> WebhookDeliveries { get; }
    DbSet<WebhookDeliveryAttempt> WebhookDeliveryAttempts { get; }

    DatabaseFacade Database { get; }

    /// <summary>
    /// Deletes every row of one group-owned entity type that belongs to these groups (for the
    /// group itself: the groups' own rows), in one statement. Only the purge of groups past their
    /// restore window uses it; nothing cascades, so it deletes children before their parents.
    /// </summary>
    Task<int> DeleteRowsOfGroupsAsync(
        Type entityType,
        IReadOnlyCollection<GroupId> groupIds,
        CancellationToken cancellationToken
    );

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The domain events raised by every tracked entity since they were last taken, in the order
    /// each entity raised them; the entities forget them, so no event is taken twice.
    /// </summary>
    IReadOnlyList<IDomainEvent> TakeDomainEvents();

    /// <summary>Forgets every tracked entity; used before a retried attempt of a transaction.</summary>
    void ResetTracking();

    /// <summary>
    /// The query a specification describes: criteria, includes, ordering, paging and tracking.
    /// </summary>
    IQueryable<T> Apply<T>(ISpecification<T> specification)
        where T : class;

    /// <summary>
    /// Locks the group's row until the transaction ends. Membership changes of one group take
    /// this lock before they read the aggregate, so they run one after another and each sees
    /// the result of the one before (the last two members leaving at once, the last use of an
    /// invite). Must be called inside the command's transaction.
    /// </summary>
    Task LockGroupAsync(GroupId groupId, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the list's row until the transaction ends: changes to one list and its items run
    /// one after another, so each gets the next revision and none is lost (the changes feed
    /// relies on revisions being handed out in commit order).
    /// </summary>
    Task LockListAsync(ListId listId, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the chore's row until the transaction ends: changes to one chore and its
    /// assignments (completions, the scheduled job, a member leaving) run one after another,
    /// each on the rotation state the previous one committed.
    /// </summary>
    Task LockChoreAsync(ChoreId choreId, CancellationToken cancellationToken);

    /// <summary>
    /// Holds the group's row against membership changes (which take <see cref="LockGroupAsync"/>)
    /// until the transaction ends, without holding up other money changes. A money change takes
    /// it before it reads who the members are, so nobody leaves with a balance the change is
    /// about to open, and no change is made for someone who just left.
    /// </summary>
    Task LockGroupAgainstMembershipChangesAsync(
        GroupId groupId,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Locks an expense's row until the transaction ends: changes of one expense run one after
    /// another, each reading the version the previous one committed.
    /// </summary>
    Task LockExpenseAsync(
        GroupId groupId,
        ExpenseId expenseId,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Locks a split's row until the transaction ends (and holds its expense against voids and
    /// edits), then reads what it owes: payments against one split run one after another, each
    /// seeing what the previous one settled. Null when there is no such split.
    /// </summary>
    Task<SplitPosition?> LockSplitAsync(
        GroupId groupId,
        ExpenseId expenseId,
        ExpenseSplitId splitId,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Locks the members' balance rows in one currency until the transaction ends and reads
    /// them (zero for a member without one): settlements between them run one after another,
    /// each seeing the balances the previous one left.
    /// </summary>
    Task<IReadOnlyDictionary<UserId, long>> LockBalancesAsync(
        GroupId groupId,
        string currency,
        IReadOnlyCollection<UserId> members,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Locks a recurring expense's row until the transaction ends: a member's change waits for
    /// a generation run that holds the row, and then sees the occurrences it recorded.
    /// </summary>
    Task LockRecurringExpenseAsync(
        GroupId groupId,
        RecurringExpenseId id,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Serializes receipt uploads to one group until the transaction ends (an advisory lock: no
    /// row stands for a group's receipts), so the per-group quota holds under races.
    /// </summary>
    Task LockReceiptQuotaAsync(GroupId groupId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> deleted groups whose restore window ended before
    /// <paramref name="cutoff"/>, oldest first, locking their rows until the transaction ends;
    /// rows another worker already claimed are skipped (SKIP LOCKED).
    /// </summary>
    Task<IReadOnlyList<GroupId>> ClaimGroupsPastRestoreWindowAsync(
        DateTimeOffset cutoff,
        int limit,
        CancellationToken cancellationToken
    );
}

/// <summary>A split's owed and settled amounts as read under its row lock.</summary>
public sealed record SplitPosition(string Currency, long OwedMinorUnits, long SettledMinorUnits);
