using Ardalis.Specification;
using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Audit;
using Ledger.Domain.Balances;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Groups;
using Ledger.Domain.Integrations;
using Ledger.Domain.Lists;
using Ledger.Domain.Operations;
using Ledger.Domain.Recurrence;
using Ledger.Domain.Settlements;
using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.Persistence.Specifications;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ledger.Infrastructure.Persistence;

public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options),
        IApplicationDbContext,
        IDataProtectionKeyContext
{
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invite> Invites => Set<Invite>();
    public DbSet<GroupDeletionRequest> GroupDeletionRequests => Set<GroupDeletionRequest>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<MemberBalance> MemberBalances => Set<MemberBalance>();
    public DbSet<ShoppingList> Lists => Set<ShoppingList>();
    public DbSet<ListItem> ListItems => Set<ListItem>();
    public DbSet<Chore> Chores => Set<Chore>();
    public DbSet<ChoreAssignment> ChoreAssignments => Set<ChoreAssignment>();
    public DbSet<ChoreEvent> ChoreEvents => Set<ChoreEvent>();
    public DbSet<Expense> Expenses => Set<Expense>();
    public DbSet<IntegrationGrant> IntegrationGrants => Set<IntegrationGrant>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<RecurringExpense> RecurringExpenses => Set<RecurringExpense>();
    public DbSet<RecurringExpenseOccurrence> RecurringExpenseOccurrences =>
        Set<RecurringExpenseOccurrence>();
    public DbSet<Settlement> Settlements => Set<Settlement>();
    public DbSet<SplitPayment> SplitPayments => Set<SplitPayment>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookDeliveryAttempt> WebhookDeliveryAttempts => Set<WebhookDeliveryAttempt>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public void ResetTracking() => ChangeTracker.Clear();

    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        // Aggregates that raise events are tracked already; detecting changes here would run
        // before ReplacedChildren marks an updated expense's dropped children deleted, and EF
        // would refuse the severed (RESTRICT) relationships.
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var events = new List<IDomainEvent>();
            foreach (var entry in ChangeTracker.Entries<IHasDomainEvents>())
            {
                if (entry.Entity.DomainEvents.Count == 0)
                {
                    continue;
                }

                events.AddRange(entry.Entity.DomainEvents);
                entry.Entity.ClearDomainEvents();
            }

            return events;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    public IQueryable<T> Apply<T>(ISpecification<T> specification)
        where T : class => SpecificationEvaluator.Evaluate(Set<T>(), specification);

    public Task<int> DeleteRowsOfGroupsAsync(
        Type entityType,
        IReadOnlyCollection<GroupId> groupIds,
        CancellationToken cancellationToken
    )
    {
        var entity =
            Model.FindEntityType(entityType)
            ?? throw new InvalidOperationException($"{entityType.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindProperty(entityType == typeof(Group) ? "Id" : "GroupId")!;
        // Table and column names come from the model, never from input; the ids are a parameter.
        var sql = $"DELETE FROM \"{table.Name}\" WHERE \"{key.GetColumnName(table)}\" = ANY({{0}})";
        return Database.ExecuteSqlRawAsync(
            sql,
            [groupIds.Select(id => id.Value).ToArray()],
            cancellationToken
        );
    }

    public async Task LockGroupAsync(GroupId groupId, CancellationToken cancellationToken)
    {
        if (!TakesGroupLock(groupId, exclusive: true))
        {
            return;
        }

        await Database.ExecuteSqlAsync(
            $"SELECT 1 FROM groups WHERE id = {groupId.Value} FOR UPDATE",
            cancellationToken
        );
    }

    /// <summary>
    /// Whether the group's row still needs locking in the current transaction: each group lock
    /// is taken once per transaction (the behaviours and the handler all ask for it), and
    /// FOR UPDATE covers FOR KEY SHARE.
    /// </summary>
    private bool TakesGroupLock(GroupId groupId, bool exclusive)
    {
        var transaction = OpenTransaction.Require(Database, "A row lock");
        if (!ReferenceEquals(transaction, _groupLocksOf))
        {
            _groupLocksOf = transaction;
            _groupLocks.Clear();
        }

        if (_groupLocks.TryGetValue(groupId, out var held) && (held || !exclusive))
        {
            return false;
        }

        _groupLocks[groupId] = exclusive;
        return true;
    }

    private readonly Dictionary<GroupId, bool> _groupLocks = [];
    private object? _groupLocksOf;

    public Task LockListAsync(ListId listId, CancellationToken cancellationToken) =>
        LockRowAsync(
            $"SELECT 1 FROM lists WHERE id = {listId.Value} FOR UPDATE",
            cancellationToken
        );

    public Task LockChoreAsync(ChoreId choreId, CancellationToken cancellationToken) =>
        LockRowAsync(
            $"SELECT 1 FROM chores WHERE id = {choreId.Value} FOR UPDATE",
            cancellationToken
        );

    private async Task LockRowAsync(FormattableString sql, CancellationToken cancellationToken)
    {
        OpenTransaction.Require(Database, "A row lock");
        await Database.ExecuteSqlAsync(sql, cancellationToken);
    }

    public async Task LockGroupAgainstMembershipChangesAsync(
        GroupId groupId,
        CancellationToken cancellationToken
    )
    {
        if (!TakesGroupLock(groupId, exclusive: false))
        {
            return;
        }

        // KEY SHARE conflicts with the FOR UPDATE of membership changes, but not with other
        // money changes nor with plain updates of the group row (its settings).
        await Database.ExecuteSqlAsync(
            $"SELECT 1 FROM groups WHERE id = {groupId.Value} FOR KEY SHARE",
            cancellationToken
        );
    }

    public async Task LockExpenseAsync(
        GroupId groupId,
        ExpenseId expenseId,
        CancellationToken cancellationToken
    )
    {
        OpenTransaction.Require(Database, "A row lock");
        await Database.ExecuteSqlAsync(
            $"SELECT 1 FROM expenses WHERE group_id = {groupId.Value} AND id = {expenseId.Value} FOR UPDATE",
            cancellationToken
        );
    }

    public async Task<SplitPosition?> LockSplitAsync(
        GroupId groupId,
        ExpenseId expenseId,
        ExpenseSplitId splitId,
        CancellationToken cancellationToken
    )
    {
        OpenTransaction.Require(Database, "A row lock");
        // KEY SHARE on the expense: payments never wait for each other there, but a void or
        // an edit of the expense (FOR UPDATE) waits for them, and they for it.
        await Database.ExecuteSqlAsync(
            $"SELECT 1 FROM expenses WHERE group_id = {groupId.Value} AND id = {expenseId.Value} FOR KEY SHARE",
            cancellationToken
        );
        return await Database
            .SqlQuery<SplitPosition>(
                $"""
                SELECT currency, owed_minor_units, settled_minor_units
                FROM expense_splits
                WHERE group_id = {groupId.Value} AND id = {splitId.Value} AND expense_id = {expenseId.Value}
                FOR UPDATE
                """
            )
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<UserId, long>> LockBalancesAsync(
        GroupId groupId,
        string currency,
        IReadOnlyCollection<UserId> members,
        CancellationToken cancellationToken
    )
    {
        OpenTransaction.Require(Database, "A row lock");
        var ids = members.Select(m => m.Value).Order().ToArray();
        // Creates missing rows first (at zero), so there is always a row to lock; rows are
        // touched in (currency, member) order like the balance writer, so nothing deadlocks.
        await Database.ExecuteSqlAsync(
            $"""
            INSERT INTO member_balances (group_id, user_id, currency, net_minor_units)
            SELECT {groupId.Value}, member.id, {currency}, 0
            FROM unnest({ids}::uuid[]) AS member (id)
            ORDER BY member.id
            ON CONFLICT (group_id, user_id, currency) DO NOTHING
            """,
            cancellationToken
        );
        var rows = await Database
            .SqlQuery<LockedBalance>(
                $"""
                SELECT user_id, net_minor_units
                FROM member_balances
                WHERE group_id = {groupId.Value} AND currency = {currency} AND user_id = ANY({ids})
                ORDER BY user_id
                FOR UPDATE
                """
            )
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => UserId.From(r.UserId), r => r.NetMinorUnits);
    }

    private sealed record LockedBalance(Guid UserId, long NetMinorUnits);

    public Task LockRecurringExpenseAsync(
        GroupId groupId,
        RecurringExpenseId id,
        CancellationToken cancellationToken
    ) =>
        LockRowAsync(
            $"SELECT 1 FROM recurring_expenses WHERE group_id = {groupId.Value} AND id = {id.Value} FOR UPDATE",
            cancellationToken
        );

    public async Task LockReceiptQuotaAsync(GroupId groupId, CancellationToken cancellationToken)
    {
        OpenTransaction.Require(Database, "A receipt quota lock");
        var lockKey = $"receipts:{groupId}";
        await Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({lockKey}, 0))",
            cancellationToken
        );
    }

    public async Task<IReadOnlyList<GroupId>> ClaimGroupsPastRestoreWindowAsync(
        DateTimeOffset cutoff,
        int limit,
        CancellationToken cancellationToken
    )
    {
        OpenTransaction.Require(Database, "Claiming groups to purge");
        var due = await Database
            .SqlQuery<Guid>(
                $"""
                SELECT id AS "Value" FROM groups
                WHERE status = 'Deleted' AND deleted_at < {cutoff}
                ORDER BY deleted_at LIMIT {limit}
                FOR UPDATE SKIP LOCKED
                """
            )
            .ToListAsync(cancellationToken);
        return due.Select(id => GroupId.From(id)).ToList();
    }

    public override Task<int> SaveChangesAsync(
        bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken = default
    )
    {
        ReplacedChildren.MarkDeleted(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ReplacedChildren.MarkDeleted(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
        DeleteBehaviors.RestrictAllExceptPrivateChildren(builder);
        SnakeCaseExplicitTableNames(builder);
    }

    /// <summary>Identity and OpenIddict name their tables explicitly (AspNetUsers); make them snake_case like ours.</summary>
    private static void SnakeCaseExplicitTableNames(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (entityType.GetTableName() is { } name && name.Any(char.IsUpper))
            {
                entityType.SetTableName(SnakeCase(name));
            }
        }
    }

    private static string SnakeCase(string name) =>
        string.Concat(
            name.Select(
                (c, i) =>
                    char.IsUpper(c)
                        ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c)
                        : c.ToString()
            )
        );

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.RegisterAllInVogenEfCoreConverters();
        // Timestamps are UTC instants; PostgreSQL stores them as timestamptz.
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }
}
