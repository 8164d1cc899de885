using Ledger.Domain.Common;

namespace Ledger.Domain.Groups;

/// <summary>
/// A code that lets someone join a group, until it expires or is used up. Only a hash of the code
/// is kept: whoever reads the database cannot join a group with it.
/// </summary>
public sealed class Invite
{
    public const int MaxUsesLimit = 100;
    public static readonly TimeSpan MaxValidity = TimeSpan.FromDays(30);

    internal Invite(
        GroupId groupId,
        string codeHash,
        UserId createdBy,
        DateTimeOffset createdAt,
        DateTimeOffset expiresAt,
        int maxUses
    )
    {
        if (maxUses is < 1 or > MaxUsesLimit)
        {
            throw new DomainValidationException(
                "invite.max-uses",
                $"An invite allows between 1 and {MaxUsesLimit} uses."
            );
        }

        if (expiresAt <= createdAt || expiresAt - createdAt > MaxValidity)
        {
            throw new DomainValidationException(
                "invite.expiry",
                $"An invite must expire in the future and within {MaxValidity.TotalDays} days."
            );
        }

        Id = InviteId.New();
        GroupId = groupId;
        CodeHash = codeHash;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        MaxUses = maxUses;
    }

    private Invite() => CodeHash = string.Empty;

    public InviteId Id { get; private init; }
    public GroupId GroupId { get; private init; }
    public string CodeHash { get; private init; }
    public UserId CreatedBy { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset ExpiresAt { get; private init; }
    public int MaxUses { get; private init; }
    public int Uses { get; private set; }

    /// <summary>When an owner revoked it; a revoked invite lets nobody in.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsUsableAt(DateTimeOffset now) =>
        RevokedAt is null && now < ExpiresAt && Uses < MaxUses;

    internal void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    internal void Use(DateTimeOffset now)
    {
        if (!IsUsableAt(now))
        {
            throw new BusinessRuleViolationException(
                "invite.unusable",
                "This invite has expired or has been used up."
            );
        }

        Uses++;
    }
}
