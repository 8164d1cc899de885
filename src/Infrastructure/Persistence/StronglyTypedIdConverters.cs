using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ledger.Infrastructure.Persistence;

// One converter per id type, registered once as a model convention in ApplicationDbContext.

internal sealed class UserIdConverter()
    : ValueConverter<UserId, Guid>(id => id.Value, value => UserId.From(value));

internal sealed class GroupIdConverter()
    : ValueConverter<GroupId, Guid>(id => id.Value, value => GroupId.From(value));

internal sealed class MembershipIdConverter()
    : ValueConverter<MembershipId, Guid>(id => id.Value, value => MembershipId.From(value));

internal sealed class InviteIdConverter()
    : ValueConverter<InviteId, Guid>(id => id.Value, value => InviteId.From(value));

internal sealed class AuditEventIdConverter()
    : ValueConverter<AuditEventId, Guid>(id => id.Value, value => AuditEventId.From(value));

internal sealed class ExpenseIdConverter()
    : ValueConverter<ExpenseId, Guid>(id => id.Value, value => ExpenseId.From(value));

internal sealed class ExpenseSplitIdConverter()
    : ValueConverter<ExpenseSplitId, Guid>(id => id.Value, value => ExpenseSplitId.From(value));

internal sealed class ListIdConverter()
    : ValueConverter<ListId, Guid>(id => id.Value, value => ListId.From(value));

internal sealed class ListItemIdConverter()
    : ValueConverter<ListItemId, Guid>(id => id.Value, value => ListItemId.From(value));

internal sealed class ChoreIdConverter()
    : ValueConverter<ChoreId, Guid>(id => id.Value, value => ChoreId.From(value));

internal sealed class ChoreAssignmentIdConverter()
    : ValueConverter<ChoreAssignmentId, Guid>(
        id => id.Value,
        value => ChoreAssignmentId.From(value)
    );

internal sealed class ChoreEventIdConverter()
    : ValueConverter<ChoreEventId, Guid>(id => id.Value, value => ChoreEventId.From(value));

internal sealed class IntegrationGrantIdConverter()
    : ValueConverter<IntegrationGrantId, Guid>(
        id => id.Value,
        value => IntegrationGrantId.From(value)
    );

internal sealed class RecurringExpenseIdConverter()
    : ValueConverter<RecurringExpenseId, Guid>(
        id => id.Value,
        value => RecurringExpenseId.From(value)
    );

internal sealed class SettlementIdConverter()
    : ValueConverter<SettlementId, Guid>(id => id.Value, value => SettlementId.From(value));

internal sealed class SplitPaymentIdConverter()
    : ValueConverter<SplitPaymentId, Guid>(id => id.Value, value => SplitPaymentId.From(value));

internal sealed class ReceiptIdConverter()
    : ValueConverter<ReceiptId, Guid>(id => id.Value, value => ReceiptId.From(value));
