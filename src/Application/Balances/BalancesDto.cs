using Ledger.Application.Settlements;

namespace Ledger.Application.Balances;

/// <summary>
/// A group's balances, one entry per currency in which anything was ever owed, and apart from
/// them the settlements still waiting for their payee (they do not count until confirmed).
/// </summary>
public sealed record BalancesDto(
    Guid GroupId,
    IReadOnlyList<CurrencyBalancesDto> Currencies,
    IReadOnlyList<SettlementDto> PendingSettlements
);

/// <summary>
/// Each member's net in one currency (positive: the group owes them; negative: they owe), which
/// sum to zero, and payments that would settle everyone: at most one fewer than the members
/// with an open balance.
/// </summary>
public sealed record CurrencyBalancesDto(
    string Currency,
    IReadOnlyList<MemberBalanceDto> Members,
    IReadOnlyList<SuggestedTransferDto> SuggestedTransfers
);

public sealed record MemberBalanceDto(Guid UserId, string Net);

public sealed record SuggestedTransferDto(Guid FromUserId, Guid ToUserId, string Amount);
