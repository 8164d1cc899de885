using Ledger.Domain.Expenses;

namespace Ledger.Application.Settlements.Commands.DeclineSplitPayment;

/// <summary>
/// The payee declines a pending payment a partner recorded against a split: it never counts.
/// Handled by <see cref="PayeeAnswerHandler"/>.
/// </summary>
public sealed record DeclineSplitPayment(
    GroupId GroupId,
    ExpenseId ExpenseId,
    SplitPaymentId PaymentId,
    int ExpectedVersion
) : SplitPaymentAnswer(GroupId, ExpenseId, PaymentId, ExpectedVersion);

public sealed class DeclineSplitPaymentValidator : VersionedCommandValidator<DeclineSplitPayment>;
