namespace Ledger.Domain.Common;

// Strongly typed ids: passing a member id where a group id is expected does not compile.
// Version 7 GUIDs are time-ordered, which keeps B-tree inserts local and cursors stable.
// Ids that page lists are comparable: keyset cursors compare them in SQL (uuid order, which is
// the order Guid.CompareTo uses too).

public readonly record struct UserId(Guid Value)
{
    public static UserId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct GroupId(Guid Value) : IComparable<GroupId>
{
    public static GroupId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(GroupId other) => Value.CompareTo(other.Value);

    public static bool operator <(GroupId left, GroupId right) => left.CompareTo(right) < 0;

    public static bool operator >(GroupId left, GroupId right) => left.CompareTo(right) > 0;

    public static bool operator <=(GroupId left, GroupId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(GroupId left, GroupId right) => left.CompareTo(right) >= 0;
}

public readonly record struct MembershipId(Guid Value) : IComparable<MembershipId>
{
    public static MembershipId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(MembershipId other) => Value.CompareTo(other.Value);

    public static bool operator <(MembershipId left, MembershipId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(MembershipId left, MembershipId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(MembershipId left, MembershipId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(MembershipId left, MembershipId right) =>
        left.CompareTo(right) >= 0;
}

public readonly record struct InviteId(Guid Value) : IComparable<InviteId>
{
    public static InviteId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(InviteId other) => Value.CompareTo(other.Value);

    public static bool operator <(InviteId left, InviteId right) => left.CompareTo(right) < 0;

    public static bool operator >(InviteId left, InviteId right) => left.CompareTo(right) > 0;

    public static bool operator <=(InviteId left, InviteId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(InviteId left, InviteId right) => left.CompareTo(right) >= 0;
}

public readonly record struct AuditEventId(Guid Value)
{
    public static AuditEventId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ExpenseId(Guid Value) : IComparable<ExpenseId>
{
    public static ExpenseId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(ExpenseId other) => Value.CompareTo(other.Value);

    public static bool operator <(ExpenseId left, ExpenseId right) => left.CompareTo(right) < 0;

    public static bool operator >(ExpenseId left, ExpenseId right) => left.CompareTo(right) > 0;

    public static bool operator <=(ExpenseId left, ExpenseId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ExpenseId left, ExpenseId right) => left.CompareTo(right) >= 0;
}

public readonly record struct ExpenseSplitId(Guid Value)
{
    public static ExpenseSplitId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ListId(Guid Value) : IComparable<ListId>
{
    public static ListId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(ListId other) => Value.CompareTo(other.Value);

    public static bool operator <(ListId left, ListId right) => left.CompareTo(right) < 0;

    public static bool operator >(ListId left, ListId right) => left.CompareTo(right) > 0;

    public static bool operator <=(ListId left, ListId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ListId left, ListId right) => left.CompareTo(right) >= 0;
}

public readonly record struct ListItemId(Guid Value)
{
    public static ListItemId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ChoreId(Guid Value) : IComparable<ChoreId>
{
    public static ChoreId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(ChoreId other) => Value.CompareTo(other.Value);

    public static bool operator <(ChoreId left, ChoreId right) => left.CompareTo(right) < 0;

    public static bool operator >(ChoreId left, ChoreId right) => left.CompareTo(right) > 0;

    public static bool operator <=(ChoreId left, ChoreId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ChoreId left, ChoreId right) => left.CompareTo(right) >= 0;
}

public readonly record struct ChoreAssignmentId(Guid Value) : IComparable<ChoreAssignmentId>
{
    public static ChoreAssignmentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(ChoreAssignmentId other) => Value.CompareTo(other.Value);

    public static bool operator <(ChoreAssignmentId left, ChoreAssignmentId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(ChoreAssignmentId left, ChoreAssignmentId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(ChoreAssignmentId left, ChoreAssignmentId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(ChoreAssignmentId left, ChoreAssignmentId right) =>
        left.CompareTo(right) >= 0;
}

public readonly record struct ChoreEventId(Guid Value) : IComparable<ChoreEventId>
{
    public static ChoreEventId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(ChoreEventId other) => Value.CompareTo(other.Value);

    public static bool operator <(ChoreEventId left, ChoreEventId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(ChoreEventId left, ChoreEventId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(ChoreEventId left, ChoreEventId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(ChoreEventId left, ChoreEventId right) =>
        left.CompareTo(right) >= 0;
}

public readonly record struct IntegrationGrantId(Guid Value)
{
    public static IntegrationGrantId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct RecurringExpenseId(Guid Value) : IComparable<RecurringExpenseId>
{
    public static RecurringExpenseId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(RecurringExpenseId other) => Value.CompareTo(other.Value);

    public static bool operator <(RecurringExpenseId left, RecurringExpenseId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(RecurringExpenseId left, RecurringExpenseId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(RecurringExpenseId left, RecurringExpenseId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(RecurringExpenseId left, RecurringExpenseId right) =>
        left.CompareTo(right) >= 0;
}

public readonly record struct SettlementId(Guid Value) : IComparable<SettlementId>
{
    public static SettlementId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(SettlementId other) => Value.CompareTo(other.Value);

    public static bool operator <(SettlementId left, SettlementId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(SettlementId left, SettlementId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(SettlementId left, SettlementId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(SettlementId left, SettlementId right) =>
        left.CompareTo(right) >= 0;
}

public readonly record struct SplitPaymentId(Guid Value) : IComparable<SplitPaymentId>
{
    public static SplitPaymentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(SplitPaymentId other) => Value.CompareTo(other.Value);

    public static bool operator <(SplitPaymentId left, SplitPaymentId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(SplitPaymentId left, SplitPaymentId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(SplitPaymentId left, SplitPaymentId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(SplitPaymentId left, SplitPaymentId right) =>
        left.CompareTo(right) >= 0;
}

public readonly record struct ReceiptId(Guid Value)
{
    public static ReceiptId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
