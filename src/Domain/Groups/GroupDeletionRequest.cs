using Ledger.Domain.Common;

namespace Ledger.Domain.Groups;

/// <summary>
/// The first step of deleting a group: a short-lived, single-use confirmation. Only a hash of
/// the token is stored, so a database reader cannot complete a deletion.
/// </summary>
public sealed class GroupDeletionRequest
{
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(10);

    internal GroupDeletionRequest(
        GroupId groupId,
        UserId requestedBy,
        string tokenHash,
        DateTimeOffset now
    )
    {
        Id = Guid.CreateVersion7();
        GroupId = groupId;
        RequestedBy = requestedBy;
        TokenHash = tokenHash;
        RequestedAt = now;
        ExpiresAt = now + Validity;
    }

    private GroupDeletionRequest() => TokenHash = string.Empty;

    public Guid Id { get; private init; }
    public GroupId GroupId { get; private init; }
    public UserId RequestedBy { get; private init; }
    public string TokenHash { get; private init; }
    public DateTimeOffset RequestedAt { get; private init; }
    public DateTimeOffset ExpiresAt { get; private init; }
    public DateTimeOffset? UsedAt { get; private set; }

    internal bool Matches(UserId user, string tokenHash, DateTimeOffset now) =>
        UsedAt is null && now < ExpiresAt && RequestedBy == user && TokenHash == tokenHash;

    internal void MarkUsed(DateTimeOffset now) => UsedAt = now;
}
