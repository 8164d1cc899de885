using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Identity;

/// <summary>Display names from the Identity users table, for a set of ids in one query.</summary>
internal sealed class UserDirectory(ApplicationDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<UserId, string>> DisplayNamesAsync(
        IReadOnlyCollection<UserId> userIds,
        CancellationToken cancellationToken
    )
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<UserId, string>();
        }

        var ids = userIds.Select(id => id.Value).Distinct().ToList();
        var users = await db
            .Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName })
            .ToListAsync(cancellationToken);
        return users.ToDictionary(u => UserId.From(u.Id), u => u.DisplayName);
    }
}
