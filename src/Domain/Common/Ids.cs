using Vogen;

namespace Ledger.Domain.Common;

// Strongly typed ids: passing a member id where a group id is expected does not compile.
// Version 7 GUIDs are time-ordered, which keeps B-tree inserts local and cursors stable.
// Vogen generates each type (docs/decisions/0067-typed-ids-generated-by-vogen.md): equality,
// IComparable (uuid order, which is the order Guid.CompareTo uses too), IParsable/TryParse for
// route binding, a System.Text.Json converter writing the plain Guid string and a TypeConverter.
// The EF Core value converters are generated in Infrastructure (VogenEfCoreConverters), so the
// domain stays free of EF. Keyset cursors compare ids with < and > in LINQ that EF translates to
// SQL: New() and the comparison operators are the only members written by hand.
// An uninitialized id (default or new()) is a compile error (Vogen's analyzers) and throws when
// read: use New() for a fresh id or From(guid) for an existing one.

[ValueObject<Guid>]
public readonly partial struct UserId
{
    public static UserId New() => From(Guid.CreateVersion7());

    public static bool operator <(UserId left, UserId right) => left.CompareTo(right) < 0;

    public static bool operator >(UserId left, UserId right) => left.CompareTo(right) > 0;

    public static bool operator <=(UserId left, UserId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(UserId left, UserId right) => left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct GroupId
{
    public static GroupId New() => From(Guid.CreateVersion7());

    public static bool operator <(GroupId left, GroupId right) => left.CompareTo(right) < 0;

    public static bool operator >(GroupId left, GroupId right) => left.CompareTo(right) > 0;

    public static bool operator <=(GroupId left, GroupId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(GroupId left, GroupId right) => left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct MembershipId
{
    public static MembershipId New() => From(Guid.CreateVersion7());

    public static bool operator <(MembershipId left, MembershipId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(MembershipId left, MembershipId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(MembershipId left, MembershipId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(MembershipId left, MembershipId right) =>
        left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct InviteId
{
    public static InviteId New() => From(Guid.CreateVersion7());

    public static bool operator <(InviteId left, InviteId right) => left.CompareTo(right) < 0;

    public static bool operator >(InviteId left, InviteId right) => left.CompareTo(right) > 0;

    public static bool operator <=(InviteId left, InviteId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(InviteId left, InviteId right) => left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct AuditEventId
{
    public static AuditEventId New() => From(Guid.CreateVersion7());

    public static bool operator <(AuditEventId left, AuditEventId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(AuditEventId left, AuditEventId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(AuditEventId left, AuditEventId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(AuditEventId left, AuditEventId right) =>
        left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct ExpenseId
{
    public static ExpenseId New() => From(Guid.CreateVersion7());

    public static bool operator <(ExpenseId left, ExpenseId right) => left.CompareTo(right) < 0;

    public static bool operator >(ExpenseId left, ExpenseId right) => left.CompareTo(right) > 0;

    public static bool operator <=(ExpenseId left, ExpenseId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ExpenseId left, ExpenseId right) => left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct ExpenseSplitId
{
    public static ExpenseSplitId New() => From(Guid.CreateVersion7());

    public static bool operator <(ExpenseSplitId left, ExpenseSplitId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(ExpenseSplitId left, ExpenseSplitId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(ExpenseSplitId left, ExpenseSplitId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(ExpenseSplitId left, ExpenseSplitId right) =>
        left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct ListId
{
    public static ListId New() => From(Guid.CreateVersion7());

    public static bool operator <(ListId left, ListId right) => left.CompareTo(right) < 0;

    public static bool operator >(ListId left, ListId right) => left.CompareTo(right) > 0;

    public static bool operator <=(ListId left, ListId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ListId left, ListId right) => left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct ListItemId
{
    public static ListItemId New() => From(Guid.CreateVersion7());

    public static bool operator <(ListItemId left, ListItemId right) => left.CompareTo(right) < 0;

    public static bool operator >(ListItemId left, ListItemId right) => left.CompareTo(right) > 0;

    public static bool operator <=(ListItemId left, ListItemId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ListItemId left, ListItemId right) => left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct ChoreId
{
    public static ChoreId New() => From(Guid.CreateVersion7());

    public static bool operator <(ChoreId left, ChoreId right) => left.CompareTo(right) < 0;

    public static bool operator >(ChoreId left, ChoreId right) => left.CompareTo(right) > 0;

    public static bool operator <=(ChoreId left, ChoreId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ChoreId left, ChoreId right) => left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct ChoreAssignmentId
{
    public static ChoreAssignmentId New() => From(Guid.CreateVersion7());

    public static bool operator <(ChoreAssignmentId left, ChoreAssignmentId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(ChoreAssignmentId left, ChoreAssignmentId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(ChoreAssignmentId left, ChoreAssignmentId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(ChoreAssignmentId left, ChoreAssignmentId right) =>
        left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct ChoreEventId
{
    public static ChoreEventId New() => From(Guid.CreateVersion7());

    public static bool operator <(ChoreEventId left, ChoreEventId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(ChoreEventId left, ChoreEventId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(ChoreEventId left, ChoreEventId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(ChoreEventId left, ChoreEventId right) =>
        left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct IntegrationGrantId
{
    public static IntegrationGrantId New() => From(Guid.CreateVersion7());

    public static bool operator <(IntegrationGrantId left, IntegrationGrantId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(IntegrationGrantId left, IntegrationGrantId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(IntegrationGrantId left, IntegrationGrantId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(IntegrationGrantId left, IntegrationGrantId right) =>
        left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct RecurringExpenseId
{
    public static RecurringExpenseId New() => From(Guid.CreateVersion7());

    public static bool operator <(RecurringExpenseId left, RecurringExpenseId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(RecurringExpenseId left, RecurringExpenseId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(RecurringExpenseId left, RecurringExpenseId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(RecurringExpenseId left, RecurringExpenseId right) =>
        left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct SettlementId
{
    public static SettlementId New() => From(Guid.CreateVersion7());

    public static bool operator <(SettlementId left, SettlementId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(SettlementId left, SettlementId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(SettlementId left, SettlementId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(SettlementId left, SettlementId right) =>
        left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct SplitPaymentId
{
    public static SplitPaymentId New() => From(Guid.CreateVersion7());

    public static bool operator <(SplitPaymentId left, SplitPaymentId right) =>
        left.CompareTo(right) < 0;

    public static bool operator >(SplitPaymentId left, SplitPaymentId right) =>
        left.CompareTo(right) > 0;

    public static bool operator <=(SplitPaymentId left, SplitPaymentId right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >=(SplitPaymentId left, SplitPaymentId right) =>
        left.CompareTo(right) >= 0;
}

[ValueObject<Guid>]
public readonly partial struct ReceiptId
{
    public static ReceiptId New() => From(Guid.CreateVersion7());

    public static bool operator <(ReceiptId left, ReceiptId right) => left.CompareTo(right) < 0;

    public static bool operator >(ReceiptId left, ReceiptId right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReceiptId left, ReceiptId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReceiptId left, ReceiptId right) => left.CompareTo(right) >= 0;
}
