using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Persistence;

internal sealed class MembershipLocks(ApplicationDbContext db) : IMembershipLocks
{
    public async Task HoldAgainstMembershipChangesAsync(
        IReadOnlyCollection<GroupId> groupIds,
        CancellationToken cancellationToken
    )
    {
        OpenTransaction.Require(db.Database, "A row lock");
        var ids = groupIds.Select(g => g.Value).Distinct().Order().ToArray();
        // KEY SHARE, as LockGroupAgainstMembershipChangesAsync takes it for one group.
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM groups WHERE id = ANY({ids}) ORDER BY id FOR KEY SHARE",
            cancellationToken
        );
    }
}
