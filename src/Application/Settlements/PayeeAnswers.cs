using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Application.Settlements.Commands.ConfirmSettlement;
using Ledger.Application.Settlements.Commands.ConfirmSplitPayment;
using Ledger.Application.Settlements.Commands.DeclineSettlement;
using Ledger.Application.Settlements.Commands.DeclineSplitPayment;
using Ledger.Domain.Expenses;

namespace Ledger.Application.Settlements;

/// <summary>
/// The payee confirming or declining a pending settlement, from the version the client last
/// saw: any member of the group may send it (without partner scope); only the payee gets past
/// <see cref="SettlementPolicy.EnsureIsPayee"/>.
/// </summary>
public abstract record SettlementAnswer(
    GroupId GroupId,
    SettlementId SettlementId,
    int ExpectedVersion
) : ICommand<SettlementDto>, IRequiresAccess, ISettlementChange
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

/// <summary>
/// The payee confirming or declining a pending payment a partner recorded against a split, from
/// the version the client last saw: any member of the group may send it (without partner
/// scope); only the payee gets past <see cref="SettlementPolicy.EnsureIsPayee"/>.
/// </summary>
public abstract record SplitPaymentAnswer(
    GroupId GroupId,
    ExpenseId ExpenseId,
    SplitPaymentId PaymentId,
    int ExpectedVersion
) : ICommand<SplitPaymentDto>, IRequiresAccess, ISplitPaymentChange
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

/// <summary>
/// Handles the payee's answers: check the caller is the payee, then let the settlement or the
/// expense confirm or decline. What varies is the verb, the audit action and whether the change
/// moves balances (a declined settlement never counts, so it takes no member lock).
/// </summary>
public sealed class PayeeAnswerHandler(
    SettlementTransitions settlements,
    SplitPaymentTransitions splitPayments,
    ICurrentPrincipal principal
)
    : ICommandHandler<ConfirmSettlement, SettlementDto>,
        ICommandHandler<DeclineSettlement, SettlementDto>,
        ICommandHandler<ConfirmSplitPayment, SplitPaymentDto>,
        ICommandHandler<DeclineSplitPayment, SplitPaymentDto>
{
    /// <summary>Checked against the balances now, under their locks (the money moves).</summary>
    public async ValueTask<SettlementDto> Handle(
        ConfirmSettlement command,
        CancellationToken cancellationToken
    ) =>
        await settlements.ApplyAsync(
            command,
            EnsureIsPayee,
            (settlement, now) => settlement.Confirm(principal.RequireUserId(), now),
            SettlementAudit.Confirmed,
            movesBalances: true,
            cancellationToken
        );

    public async ValueTask<SettlementDto> Handle(
        DeclineSettlement command,
        CancellationToken cancellationToken
    ) =>
        await settlements.ApplyAsync(
            command,
            EnsureIsPayee,
            (settlement, now) => settlement.Decline(principal.RequireUserId(), now),
            SettlementAudit.Declined,
            movesBalances: false,
            cancellationToken
        );

    public async ValueTask<SplitPaymentDto> Handle(
        ConfirmSplitPayment command,
        CancellationToken cancellationToken
    ) =>
        await splitPayments.ApplyAsync(
            command,
            EnsureIsPayee,
            (expense, payment, now) =>
                expense.ConfirmSplitPayment(payment, principal.RequireUserId(), now),
            SettlementAudit.SplitPaymentConfirmed,
            cancellationToken
        );

    public async ValueTask<SplitPaymentDto> Handle(
        DeclineSplitPayment command,
        CancellationToken cancellationToken
    ) =>
        await splitPayments.ApplyAsync(
            command,
            EnsureIsPayee,
            (expense, payment, now) =>
                expense.DeclineSplitPayment(payment, principal.RequireUserId(), now),
            SettlementAudit.SplitPaymentDeclined,
            cancellationToken
        );

    private void EnsureIsPayee(Domain.Settlements.Settlement settlement) =>
        SettlementPolicy.EnsureIsPayee(principal.RequireUserId(), settlement.ToUserId);

    private void EnsureIsPayee(SplitPayment payment) =>
        SettlementPolicy.EnsureIsPayee(principal.RequireUserId(), payment.PayeeUserId);
}
