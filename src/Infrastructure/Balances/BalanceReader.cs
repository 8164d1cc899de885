using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Balances;

/// <summary>Reads the maintained <c>member_balances</c> rows; one indexed query, whatever the history.</summary>
internal sealed class BalanceReader(IApplicationDbContext db) : IBalanceReader
{
    public Task<IReadOnlyList<string>> OpenCurrenciesOfMemberAsync(
        GroupId groupId,
        UserId userId,
        CancellationToken cancellationToken
    ) =>
        CurrenciesAsync(
            Open().Where(b => b.GroupId == groupId && b.UserId == userId),
            cancellationToken
        );

    public Task<IReadOnlyList<string>> OpenCurrenciesOfGroupAsync(
        GroupId groupId,
        CancellationToken cancellationToken
    ) => CurrenciesAsync(Open().Where(b => b.GroupId == groupId), cancellationToken);

    public async Task<IReadOnlyList<GroupId>> GroupsWithOpenBalanceOfUserAsync(
        UserId userId,
        CancellationToken cancellationToken
    ) =>
        await Open()
            .Where(b => b.UserId == userId)
            .Select(b => b.GroupId)
            .Distinct()
            .ToListAsync(cancellationToken);

    /// <summary>The balances not settled to zero.</summary>
    private IQueryable<MemberBalance> Open() => db.MemberBalances.Where(b => b.NetMinorUnits != 0);

    private static async Task<IReadOnlyList<string>> CurrenciesAsync(
        IQueryable<MemberBalance> balances,
        CancellationToken cancellationToken
    ) =>
        await balances
            .Select(b => b.Currency)
            .Distinct()
            .OrderBy(c => c)
            .ToListAsync(cancellationToken);
}
