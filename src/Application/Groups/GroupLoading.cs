using Ardalis.Specification;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;

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
