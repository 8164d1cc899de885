using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Audit;
using Ledger.Domain.Balances;
using Ledger.Domain.Expenses;

namespace Ledger.Application.Settlements.Commands.VoidSplitPayment;

/// <summary>
/// An owner voids a payment against a split: the split owes it again (its status moves back)
/// and the balances move back, in one transaction; the payment stays readable with the reason.
/// </summary>
public sealed record VoidSplitPayment(
    GroupId GroupId,
    ExpenseId ExpenseId,
    SplitPaymentId PaymentId,
    string Reason,
    int ExpectedVersion
) : ICommand<SplitPaymentDto>, IRequiresAccess, ISplitPaymentChange, IVoidCommand
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class VoidSplitPaymentValidator : VoidCommandValidator<VoidSplitPayment>;

public sealed class VoidSplitPaymentHandler(
    SplitPaymentTransitions transitions,
    ICurrentPrincipal principal
) : ICommandHandler<VoidSplitPayment, SplitPaymentDto>
{
    public async ValueTask<SplitPaymentDto> Handle(
        VoidSplitPayment command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            _ => { },
            (expense, payment, now) =>
                expense.VoidSplitPayment(
                    payment,
                    Actor.User(principal.RequireUserId()),
                    command.Reason,
                    now
                ),
            SettlementAudit.SplitPaymentVoided,
            cancellationToken
        );
}
