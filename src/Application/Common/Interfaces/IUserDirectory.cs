namespace Ledger.Application.Common.Interfaces;

/// <summary>
/// Reads what use cases may show about users (display names), by id, in one query. The
/// accounts themselves live in Infrastructure (Identity).
/// </summary>
public interface IUserDirectory
{
    /// <summary>
    /// The display name of each known id; unknown ids are missing from the answer.
    /// </summary>
    Task<IReadOnlyDictionary<UserId, string>> DisplayNamesAsync(
        IReadOnlyCollection<UserId> userIds,
        CancellationToken cancellationToken
    );
}
