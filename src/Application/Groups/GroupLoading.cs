using Ardalis.Specification;
using Ledger.Application.Groups.Specifications;
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

    /// <summary>Takes the group's lock, then loads it with its memberships (a membership change).</summary>
    public static Task<Group> LockAndLoadWithMembershipsAsync(
        this IApplicationDbContext db,
        GroupId groupId,
        CancellationToken cancellationToken
    ) => db.LockAndLoadAsync(groupId, new GroupWithMembershipsSpec(groupId), cancellationToken);

    /// <summary>The user's active membership of the group, or 404 as <paramref name="resource"/>.</summary>
    public static Membership RequireActiveMembership(
        this Group group,
        UserId userId,
        string resource = "member"
    ) => group.ActiveMembershipOf(userId) ?? throw new NotFoundException(resource);
}
