using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ledger.Infrastructure.Persistence;

// One converter per id type, registered once as a model convention in ApplicationDbContext.

internal sealed class UserIdConverter()
    : ValueConverter<UserId, Guid>(id => id.Value, value => new UserId(value));

internal sealed class GroupIdConverter()
    : ValueConverter<GroupId, Guid>(id => id.Value, value => new GroupId(value));

internal sealed class MembershipIdConverter()
    : ValueConverter<MembershipId, Guid>(id => id.Value, value => new MembershipId(value));

internal sealed class InviteIdConverter()
    : ValueConverter<InviteId, Guid>(id => id.Value, value => new InviteId(value));

internal sealed class AuditEventIdConverter()
    : ValueConverter<AuditEventId, Guid>(id => id.Value, value => new AuditEventId(value));

internal sealed class ExpenseIdConverter()
    : ValueConverter<ExpenseId, Guid>(id => id.Value, value => new ExpenseId(value));

internal sealed class ExpenseSplitIdConverter()
    : ValueConverter<ExpenseSplitId, Guid>(id => id.Value, value => new ExpenseSplitId(value));

internal sealed class ListIdConverter()
    : ValueConverter<ListId, Guid>(id => id.Value, value => new ListId(value));

internal sealed class ListItemIdConverter()
    : ValueConverter<ListItemId, Guid>(id => id.Value, value => new ListItemId(value));

internal sealed class ChoreIdConverter()
    : ValueConverter<ChoreId, Guid>(id => id.Value, value => new ChoreId(value));

internal sealed class ChoreAssignmentIdConverter()
    : ValueConverter<ChoreAssignmentId, Guid>(
        id => id.Value,
        value => new ChoreAssignmentId(value)
    );

internal sealed class ChoreEventIdConverter()
    : ValueConverter<ChoreEventId, Guid>(id => id.Value, value => new ChoreEventId(value));

internal sealed class IntegrationGrantIdConverter()
    : ValueConverter<IntegrationGrantId, Guid>(
        id => id.Value,
        value => new IntegrationGrantId(value)
    );

internal sealed class RecurringExpenseIdConverter()
    : ValueConverter<RecurringExpenseId, Guid>(
        id => id.Value,
        value => new RecurringExpenseId(value)
    );

internal sealed class SettlementIdConverter()
    : ValueConverter<SettlementId, Guid>(id => id.Value, value => new SettlementId(value));

internal sealed class SplitPaymentIdConverter()
    : ValueConverter<SplitPaymentId, Guid>(id => id.Value, value => new SplitPaymentId(value));

internal sealed class ReceiptIdConverter()
    : ValueConverter<ReceiptId, Guid>(id => id.Value, value => new ReceiptId(value));
