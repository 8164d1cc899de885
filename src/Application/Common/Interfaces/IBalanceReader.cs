namespace Ledger.Application.Common.Interfaces;

/// <summary>
/// Reads maintained balances. Membership rules (leave, remove, delete) ask it which currencies
/// are still open before they let anything end.
/// </summary>
public interface IBalanceReader
{
    Task<IReadOnlyList<string>> OpenCurrenciesOfMemberAsync(
        GroupId groupId,
        UserId userId,
        CancellationToken cancellationToken
    );

    Task<IReadOnlyList<string>> OpenCurrenciesOfGroupAsync(
        GroupId groupId,
        CancellationToken cancellationToken
    );

    /// <summary>The groups in which any balance of the user is not zero.</summary>
    Task<IReadOnlyList<GroupId>> GroupsWithOpenBalanceOfUserAsync(
        UserId userId,
        CancellationToken cancellationToken
    );
}
