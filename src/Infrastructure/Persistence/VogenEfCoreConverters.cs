using Ledger.Domain.Common;
using Vogen;

namespace Ledger.Infrastructure.Persistence;

// Vogen generates one EF Core value converter per typed id (id <-> uuid column) into this class
// and a RegisterAllInVogenEfCoreConverters() convention that ApplicationDbContext calls once.
// A new id type in Ledger.Domain.Common needs one line here (docs/decisions/0067).

[EfCoreConverter<UserId>]
[EfCoreConverter<GroupId>]
[EfCoreConverter<MembershipId>]
[EfCoreConverter<InviteId>]
[EfCoreConverter<AuditEventId>]
[EfCoreConverter<ExpenseId>]
[EfCoreConverter<ExpenseSplitId>]
[EfCoreConverter<ListId>]
[EfCoreConverter<ListItemId>]
[EfCoreConverter<ChoreId>]
[EfCoreConverter<ChoreAssignmentId>]
[EfCoreConverter<ChoreEventId>]
[EfCoreConverter<IntegrationGrantId>]
[EfCoreConverter<RecurringExpenseId>]
[EfCoreConverter<SettlementId>]
[EfCoreConverter<SplitPaymentId>]
[EfCoreConverter<ReceiptId>]
internal sealed partial class VogenEfCoreConverters;
