namespace Ledger.Application.Common.Interfaces;

/// <summary>
/// Locks for set-based money changes of many groups at once (recurring generation); a change
/// of one group takes <see cref="IApplicationDbContext.LockGroupAgainstMembershipChangesAsync"/>.
/// </summary>
public interface IMembershipLocks
{
    /// <summary>
    /// Holds the groups' rows against membership changes until the transaction ends, as
    /// <see cref="IApplicationDbContext.LockGroupAgainstMembershipChangesAsync"/> does for one
    /// group: one statement, in id order (so two callers never wait on each other in a cycle).
    /// Inside the transaction only.
    /// </summary>
    Task HoldAgainstMembershipChangesAsync(
        IReadOnlyCollection<GroupId> groupIds,
        CancellationToken cancellationToken
    );
}
