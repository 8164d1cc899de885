using Ledger.Application.Common.Idempotency;
using Ledger.Application.Expenses;
using Ledger.Domain.Balances;
using Ledger.Domain.Monetary;

namespace Ledger.Application.Settlements.Commands.PaySplit;

/// <summary>
/// Records a payment against one expense split, by its member, the payer who received it, or
/// an owner (or a partner with <c>ledger.write</c>). The split moves towards paid and the two
/// members' balances by the amount; a partner's payment is pending instead, and moves nothing
/// until the payee confirms it (ConfirmSplitPayment). The over-settlement behaviour has locked the split and
/// checked that the amount does not exceed what is still owed.
/// </summary>
public sealed record PaySplit(
    GroupId GroupId,
    ExpenseId ExpenseId,
    ExpenseSplitId SplitId,
    string Amount,
    DateTimeOffset? PaidAt = null,
    UserId? PayeeUserId = null
) : ICommand<SplitPaymentDto>, IRequiresAccess, IMarksMoneyAsPaid, IIdempotentCommand
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Write);

    public PaymentClaim Claim => new SplitPaymentClaim(ExpenseId, SplitId, Amount);
}

public sealed class PaySplitValidator : AbstractValidator<PaySplit>
{
    public PaySplitValidator()
    {
        RuleFor(c => c.Amount).NotEmpty().MaximumLength(Money.MaxTextLength);
        RuleFor(c => c.PaidAt)
            .Must(at => at is null || at.Value.Year is >= 2000 and <= 2100)
            .WithMessage("'paidAt' must be a time between 2000 and 2100.");
    }
}

public sealed class PaySplitHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    IBalanceWriter balances,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<PaySplit, SplitPaymentDto>
{
    public async ValueTask<SplitPaymentDto> Handle(
        PaySplit command,
        CancellationToken cancellationToken
    )
    {
        var (members, expense, caller) = await ExpenseChange.OpenAsync(
            db,
            principal,
            command.GroupId,
            command.ExpenseId,
            ExpenseRead.Tracked,
            cancellationToken
        );
        var split =
            expense.Splits.FirstOrDefault(s => s.Id == command.SplitId)
            ?? throw new NotFoundException("split");
        var isPayer = expense.Payers.Any(p => p.UserId == caller.Actor.UserId);
        if (!isPayer)
        {
            SettlementPolicy.EnsureMayRecord(caller, split.UserId, split.UserId);
        }

        var now = clock.GetUtcNow();
        var payment = expense.RecordSplitPayment(
            split.Id,
            command.PayeeUserId,
            Money.Parse(command.Amount, expense.Currency),
            command.PaidAt ?? now,
            caller.Actor,
            now,
            pending: SettlementPolicy.IsPending(caller)
        );
        await members.MoveBalancesAsync(
            balances,
            command.GroupId,
            BalanceEffect.Of(payment),
            cancellationToken
        );
        audit.Record(
            SettlementAudit.SplitPaid,
            SettlementAudit.SplitPaymentRecord,
            payment.Id,
            payment.GroupId
        );
        return SplitPaymentDto.From(payment, split);
    }
}
