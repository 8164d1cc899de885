using Ledger.Application.Groups;
using Ledger.Domain.Balances;
using Ledger.Domain.Chores;
using Ledger.Domain.Expenses;
using Ledger.Domain.Groups;
using Ledger.Domain.Integrations;
using Ledger.Domain.Lists;
using Ledger.Domain.Recurrence;
using Ledger.Domain.Settlements;
using Microsoft.Extensions.Options;

namespace Ledger.Application.Operations.Commands.PurgeGroupsPastRestoreWindow;

/// <summary>
/// Removes groups deleted more than <see cref="Group.RestoreWindow"/> ago, with their rows. A
/// group can only have been deleted while every balance in it was zero, so purging it takes no
/// one's money history; a group that somehow has an open balance is skipped and reported. The
/// audit trail is kept (it has no foreign keys), and each purge adds an event to it.
/// Foreign keys never cascade here, so children are deleted explicitly, leaves first
/// (<see cref="DeletionOrder"/>).
/// </summary>
public sealed record PurgeGroupsPastRestoreWindow : IScheduledCommand;

public sealed class PurgeGroupsPastRestoreWindowHandler(
    IApplicationDbContext db,
    AuditTrail audit,
    IOptions<OperationsOptions> options,
    TimeProvider clock
) : ICommandHandler<PurgeGroupsPastRestoreWindow, JobReport>
{
    /// <summary>
    /// Every entity type that belongs to a group, in the order the purge deletes it. A test
    /// checks that every entity of the model with a group id is listed, so a new group table
    /// cannot be forgotten here.
    /// </summary>
    public static readonly IReadOnlyList<Type> DeletionOrder =
    [
        typeof(OutboxMessage),
        typeof(WebhookSubscription),
        typeof(MemberBalance),
        typeof(IntegrationGrant),
        typeof(RecurringExpenseOccurrence),
        typeof(RecurringExpense),
        typeof(SplitPayment),
        typeof(Settlement),
        // Its files become orphans, which the receipt purge removes after its grace period.
        typeof(Receipt),
        typeof(ExpenseItem),
        typeof(ExpensePayer),
        typeof(ExpenseSplit),
        typeof(Expense),
        typeof(ListItem),
        typeof(ShoppingList),
        typeof(ChoreEvent),
        typeof(ChoreAssignment),
        typeof(ChoreParticipant),
        typeof(Chore),
        typeof(GroupDeletionRequest),
        typeof(Invite),
        typeof(Membership),
        typeof(Group),
    ];

    public async ValueTask<JobReport> Handle(
        PurgeGroupsPastRestoreWindow command,
        CancellationToken cancellationToken
    )
    {
        var cutoff = clock.GetUtcNow() - Group.RestoreWindow;
        var limit = options.Value.GroupPurgeBatchSize;
        // Claims the due groups; a second worker running the same purge skips them.
        var candidates = await db.ClaimGroupsPastRestoreWindowAsync(
            cutoff,
            limit,
            cancellationToken
        );
        var unsettled = await db
            .MemberBalances.Where(b => candidates.Contains(b.GroupId) && b.NetMinorUnits != 0)
            .Select(b => b.GroupId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var ids = candidates.Except(unsettled).ToList();
        if (ids.Count > 0)
        {
            await DeleteGroupsAsync(ids, cancellationToken);
        }

        foreach (var id in ids)
        {
            audit.Record(GroupAudit.Purged, GroupAudit.GroupRecord, id, id);
        }

        return unsettled.Count == 0
            ? new JobReport($"Purged {ids.Count} groups past their restore window.")
            : new JobReport(
                $"Purged {ids.Count} groups; skipped {unsettled.Count} with an open balance: {string.Join(", ", unsettled)}.",
                NeedsAttention: true
            );
    }

    private async Task DeleteGroupsAsync(List<GroupId> ids, CancellationToken cancellationToken)
    {
        foreach (var entityType in DeletionOrder)
        {
            await db.DeleteRowsOfGroupsAsync(entityType, ids, cancellationToken);
        }
    }
}
