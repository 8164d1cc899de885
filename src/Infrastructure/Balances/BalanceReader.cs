using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Balances;

/// <summary>Reads the maintained <c>member_balances</c> rows; one indexed query, whatever the history.</summary>
internal sealed class BalanceReader(IApplicationDbContext db) : IBalanceReader
{
    public async Task<IReadOnlyList<string>> OpenCurrenciesOfMemberAsync(
        GroupId groupId,
        UserId userId,
        CancellationToken cancellationToken
    ) =>
        await db
            .MemberBalances.Where(b =>
                b.GroupId == groupId && b.UserId == userId && b.NetMinorUnits != 0
            )
            .Select(b => b.Currency)
            .Distinct()
            .OrderBy(c => c)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> OpenCurrenciesOfGroupAsync(
        GroupId groupId,
        CancellationToken cancellationToken
    ) =>
        await db
            .MemberBalances.Where(b => b.GroupId == groupId && b.NetMinorUnits != 0)
            .Select(b => b.Currency)
            .Distinct()
            .OrderBy(c => c)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<GroupId>> GroupsWithOpenBalanceOfUserAsync(
        UserId userId,
        CancellationToken cancellationToken
    ) =>
        await db
            .MemberBalances.Where(b => b.UserId == userId && b.NetMinorUnits != 0)
            .Select(b => b.GroupId)
            .Distinct()
            .ToListAsync(cancellationToken);
}
