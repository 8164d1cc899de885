namespace Ledger.Domain.Groups;

public enum GroupRole
{
    Member = 0,
    Owner = 1,
}

public enum GroupStatus
{
    /// <summary>Has members and can be used.</summary>
    Active = 0,

    /// <summary>The last member left. Nothing was deleted; a former owner can restore it.</summary>
    Archived = 1,

    /// <summary>Deleted explicitly by an owner; hidden, restorable for <see cref="Group.RestoreWindow"/>.</summary>
    Deleted = 2,
}
