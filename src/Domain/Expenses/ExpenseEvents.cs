using Ledger.Domain.Common;

namespace Ledger.Domain.Expenses;

// Domain events carry what partners may see (docs/webhooks.md): ids, amounts as canonical
// strings with their currency, and the version the change produced. Never descriptions, notes,
// names or emails.

/// <param name="Amount">The total, canonical ("12.50").</param>
public sealed record ExpenseCreated(
    GroupId GroupId,
    ExpenseId ExpenseId,
    string Amount,
    string Currency,
    int Version
) : IDomainEvent;

public sealed record ExpenseUpdated(
    GroupId GroupId,
    ExpenseId ExpenseId,
    string Amount,
    string Currency,
    int Version
) : IDomainEvent;

public sealed record ExpenseVoided(GroupId GroupId, ExpenseId ExpenseId, int Version)
    : IDomainEvent;

/// <summary>
/// A member paid (part of) their split to one of the expense's payers. <paramref name="Pending"/>:
/// recorded by a partner, it waits for the payee's confirmation and settles nothing yet.
/// </summary>
public sealed record SplitPaid(
    GroupId GroupId,
    ExpenseId ExpenseId,
    ExpenseSplitId SplitId,
    SplitPaymentId PaymentId,
    UserId FromUserId,
    UserId ToUserId,
    string Amount,
    string Currency,
    bool Pending
) : IDomainEvent;
