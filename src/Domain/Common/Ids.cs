namespace Ledger.Domain.Common;

// Strongly typed ids: passing a member id where a group id is expected does not compile.
// Version 7 GUIDs are time-ordered, which keeps B-tree inserts local and cursors stable.

public readonly record struct UserId(Guid Value)
{
    public static UserId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct GroupId(Guid Value)
{
    public static GroupId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct MembershipId(Guid Value)
{
    public static MembershipId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct InviteId(Guid Value)
{
    public static InviteId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct AuditEventId(Guid Value)
{
    public static AuditEventId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ExpenseId(Guid Value)
{
    public static ExpenseId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ExpenseSplitId(Guid Value)
{
    public static ExpenseSplitId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ListId(Guid Value)
{
    public static ListId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ListItemId(Guid Value)
{
    public static ListItemId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
