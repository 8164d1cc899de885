using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Transitions;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Balances;
using Ledger.Domain.Expenses;

namespace Ledger.Application.Settlements.Commands.DeclineSplitPayment;

/// <summary>
/// The payee declines a pending payment a partner recorded against a split: it never counts.
/// </summary>
public sealed record DeclineSplitPayment(
    GroupId GroupId,
    ExpenseId ExpenseId,
    SplitPaymentId PaymentId,
    int ExpectedVersion
) : ICommand<SplitPaymentDto>, IRequiresAccess, ISplitPaymentChange
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class DeclineSplitPaymentValidator : VersionedCommandValidator<DeclineSplitPayment>;

public sealed class DeclineSplitPaymentHandler(
    SplitPaymentTransitions transitions,
    ICurrentPrincipal principal
) : ICommandHandler<DeclineSplitPayment, SplitPaymentDto>
{
    public async ValueTask<SplitPaymentDto> Handle(
        DeclineSplitPayment command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            payment =>
                SettlementPolicy.EnsureIsPayee(principal.RequireUserId(), payment.PayeeUserId),
            (expense, payment, now) =>
                expense.DeclineSplitPayment(payment, principal.RequireUserId(), now),
            SettlementAudit.SplitPaymentDeclined,
            cancellationToken
        );
}
