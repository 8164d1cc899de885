namespace Ledger.Application.Common.Messaging;

/// <summary>
/// A command that marks money as paid. The over-settlement behaviour checks its claim against
/// what is still owed, under a row lock, inside the command's transaction, before the handler
/// runs; the lock holds until commit, so racing payments are checked one after another.
/// </summary>
public interface IMarksMoneyAsPaid
{
    GroupId GroupId { get; }

    PaymentClaim Claim { get; }
}

/// <summary>What a command pays, as the over-settlement check needs it.</summary>
public abstract record PaymentClaim;

/// <summary>A payment against one expense split: at most what the split still owes.</summary>
public sealed record SplitPaymentClaim(ExpenseId ExpenseId, ExpenseSplitId SplitId, string Amount)
    : PaymentClaim;

/// <summary>
/// A payment between two members: at most what the payer owes and what the payee is owed in
/// that currency, so it flips nobody's balance.
/// </summary>
public sealed record MemberPaymentClaim(UserId From, UserId To, string Currency, string Amount)
    : PaymentClaim;

/// <summary>Confirming a pending settlement: checked like a member payment at confirmation.</summary>
public sealed record PendingSettlementClaim(SettlementId SettlementId) : PaymentClaim;
