using Ledger.Domain.Expenses;

namespace Ledger.Application.Settlements.Commands.ConfirmSplitPayment;

/// <summary>
/// The payee confirms a pending payment a partner recorded against a split: from now on it
/// settles the split and moves the balances (never beyond what the split still owes). Handled by
/// <see cref="PayeeAnswerHandler"/>.
/// </summary>
public sealed record ConfirmSplitPayment(
    GroupId GroupId,
    ExpenseId ExpenseId,
    SplitPaymentId PaymentId,
    int ExpectedVersion
) : SplitPaymentAnswer(GroupId, ExpenseId, PaymentId, ExpectedVersion);

public sealed class ConfirmSplitPaymentValidator : VersionedCommandValidator<ConfirmSplitPayment>;
