using Ledger.Domain.Monetary;
using Ledger.Domain.Settlements;

namespace Ledger.Application.Common.Behaviours;

/// <summary>
/// Inside the transaction, before the handler: every command that marks money as paid is
/// checked against what is still owed, after locking the rows that say so (the split, or the
/// two members' balances). The locks are held until commit, so of 200 racing payments against
/// one split each sees what the previous ones settled and exactly the owed amount gets through
/// (R1). The rule, its arithmetic and its message are the domain's (<see cref="OverSettlement"/>):
/// this behaviour only locks and asks it; a violation answers 400 naming what remains.
/// </summary>
public sealed class OverSettlementBehaviour<TMessage, TResponse>(IApplicationDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken
    )
    {
        if (message is IMarksMoneyAsPaid payment)
        {
            // The membership lock first, as every money change takes it first: no lock cycles.
            await db.LockGroupAgainstMembershipChangesAsync(payment.GroupId, cancellationToken);
            await CheckAsync(payment.GroupId, payment.Claim, cancellationToken);
        }

        return await next(message, cancellationToken);
    }

    private async Task CheckAsync(
        GroupId groupId,
        PaymentClaim claim,
        CancellationToken cancellationToken
    )
    {
        switch (claim)
        {
            case SplitPaymentClaim split:
                await CheckSplitAsync(groupId, split, cancellationToken);
                break;
            case MemberPaymentClaim members:
                await CheckMembersAsync(
                    groupId,
                    members.From,
                    members.To,
                    Money.Parse(members.Amount, members.Currency),
                    cancellationToken
                );
                break;
            case PendingSettlementClaim pending:
                var settlement = await db
                    .Settlements.AsNoTracking()
                    .SingleOrDefaultAsync(
                        s => s.GroupId == groupId && s.Id == pending.SettlementId,
                        cancellationToken
                    );
                // Anything but a pending settlement is the handler's to refuse (404, 409).
                if (settlement is { Status: SettlementStatus.Pending, IsVoided: false })
                {
                    await CheckMembersAsync(
                        groupId,
                        settlement.FromUserId,
                        settlement.ToUserId,
                        settlement.Amount,
                        cancellationToken
                    );
                }

                break;
            default:
                throw new InvalidOperationException($"No check for {claim.GetType().Name}.");
        }
    }

    private async Task CheckSplitAsync(
        GroupId groupId,
        SplitPaymentClaim claim,
        CancellationToken cancellationToken
    )
    {
        var split = await db.LockSplitAsync(
            groupId,
            claim.ExpenseId,
            claim.SplitId,
            cancellationToken
        );
        if (split is null)
        {
            return; // The handler answers 404.
        }

        var currency = split.Currency.Trim();
        OverSettlement.EnsureSplitCovers(
            split.OwedMinorUnits,
            split.SettledMinorUnits,
            currency,
            Money.Parse(claim.Amount, currency)
        );
    }

    private async Task CheckMembersAsync(
        GroupId groupId,
        UserId from,
        UserId to,
        Money amount,
        CancellationToken cancellationToken
    )
    {
        var bothMembers =
            from != to
            && await db.Memberships.CountAsync(
                m =>
                    m.GroupId == groupId
                    && m.LeftAt == null
                    && (m.UserId == from || m.UserId == to),
                cancellationToken
            ) == 2;
        if (!bothMembers)
        {
            return; // The domain refuses it, naming what is wrong.
        }

        var balances = await db.LockBalancesAsync(
            groupId,
            amount.Currency,
            [from, to],
            cancellationToken
        );
        OverSettlement.EnsureMembersCover(
            balances.GetValueOrDefault(from),
            balances.GetValueOrDefault(to),
            amount
        );
    }
}
