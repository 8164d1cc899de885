namespace Ledger.Domain.Common;

/// <summary>
/// Whose a list or a chore is: one user's own (personal) or a group's, never both. The type
/// decides who may read and change it (PRODUCT.md section 3): the owner only, or the group's
/// members. Stored as two nullable columns of which exactly one is set.
/// </summary>
public readonly record struct Ownership
{
    private Ownership(GroupId? groupId, UserId? ownerUserId)
    {
        GroupId = groupId;
        OwnerUserId = ownerUserId;
    }

    public GroupId? GroupId { get; }

    public UserId? OwnerUserId { get; }

    public OwnershipType Type => GroupId is null ? OwnershipType.Personal : OwnershipType.Group;

    public static Ownership Personal(UserId owner) => new(null, owner);

    public static Ownership OfGroup(GroupId group) => new(group, null);

    /// <summary>Rebuilds an ownership from its two stored columns, checking exactly one is set.</summary>
    public static Ownership From(GroupId? groupId, UserId? ownerUserId) =>
        (groupId, ownerUserId) switch
        {
            ({ } group, null) => OfGroup(group),
            (null, { } owner) => Personal(owner),
            _ => throw new DomainValidationException(
                "ownership.invalid",
                "A list or chore belongs either to one user or to one group."
            ),
        };
}

public enum OwnershipType
{
    Personal = 0,
    Group = 1,
}
