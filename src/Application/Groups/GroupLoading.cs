using Ardalis.Specification;
using Ledger.Domain.Groups;

namespace Ledger.Application.Groups;

internal static class GroupLoading
{
    /// <summary>
    /// Takes the group's lock, then loads the aggregate: membership changes of one group run one
    /// at a time, each on the state the previous one committed.
    /// </summary>
    public static async Task<Group> LockAndLoadAsync(
        this IApplicationDbContext db,
        GroupId groupId,
        ISingleResultSpecification<Group> specification,
        CancellationToken cancellationToken
    )
    {
        await db.LockGroupAsync(groupId, cancellationToken);
        return await db.LoadAsync(specification, cancellationToken);
    }

    public static async Task<Group> LoadAsync(
        this IApplicationDbContext db,
        ISingleResultSpecification<Group> specification,
        CancellationToken cancellationToken
    ) =>
        await db.Apply(specification).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("group");
}
