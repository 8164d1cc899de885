using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Transitions;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Balances;
using Ledger.Domain.Expenses;

namespace Ledger.Application.Settlements.Commands.ConfirmSplitPayment;

/// <summary>
/// The payee confirms a pending payment a partner recorded against a split: from now on it
/// settles the split and moves the balances (never beyond what the split still owes).
/// </summary>
public sealed record ConfirmSplitPayment(
    GroupId GroupId,
    ExpenseId ExpenseId,
    SplitPaymentId PaymentId,
    int ExpectedVersion
) : ICommand<SplitPaymentDto>, IRequiresAccess, ISplitPaymentChange
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class ConfirmSplitPaymentValidator : VersionedCommandValidator<ConfirmSplitPayment>;

public sealed class ConfirmSplitPaymentHandler(
    SplitPaymentTransitions transitions,
    ICurrentPrincipal principal
) : ICommandHandler<ConfirmSplitPayment, SplitPaymentDto>
{
    public async ValueTask<SplitPaymentDto> Handle(
        ConfirmSplitPayment command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            payment =>
                SettlementPolicy.EnsureIsPayee(principal.RequireUserId(), payment.PayeeUserId),
            (expense, payment, now) =>
                expense.ConfirmSplitPayment(payment, principal.RequireUserId(), now),
            SettlementAudit.SplitPaymentConfirmed,
            cancellationToken
        );
}
