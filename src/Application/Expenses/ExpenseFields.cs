using Ledger.Domain.Expenses;

namespace Ledger.Application.Expenses;

/// <summary>
/// What a client says about an expense when it creates or changes one. Amounts are the strings
/// clients send ("12.50"), read exactly in the expense's currency; weights (percentages,
/// shares) are plain decimals.
/// </summary>
public interface IExpenseFields
{
    string Description { get; }
    ExpenseCategory Category { get; }
    string Currency { get; }
    string Total { get; }
    DateOnly Date { get; }
    IReadOnlyList<MemberAmountInput> Payers { get; }
    SplitInput Split { get; }
    Guid? ListId { get; }
    string? Note { get; }
}

/// <summary>An amount for one member: what a payer paid, or an exact share.</summary>
public sealed record MemberAmountInput(Guid UserId, string Amount);

/// <summary>A member's percentage or number of shares.</summary>
public sealed record MemberWeightInput(Guid UserId, decimal Weight);

/// <summary>A bought list item whose price the member it was for owes (none: the rest divides it).</summary>
public sealed record ItemChargeInput(Guid ItemId, Guid? ForUserId, string Price);

/// <summary>
/// How to divide the total. Each type reads its own list and nothing else: <c>equal</c>
/// <see cref="Members"/>, <c>exact</c> <see cref="Amounts"/>, <c>percentage</c> and
/// <c>shares</c> <see cref="Weights"/>, <c>itemBased</c> <see cref="Items"/> and, for what the
/// items leave, <see cref="Rest"/> (any type but itemBased).
/// </summary>
public sealed record SplitInput(
    SplitType Type,
    IReadOnlyList<Guid>? Members = null,
    IReadOnlyList<MemberAmountInput>? Amounts = null,
    IReadOnlyList<MemberWeightInput>? Weights = null,
    IReadOnlyList<ItemChargeInput>? Items = null,
    SplitInput? Rest = null
);
