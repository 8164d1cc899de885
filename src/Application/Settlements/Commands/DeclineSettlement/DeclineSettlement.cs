namespace Ledger.Application.Settlements.Commands.DeclineSettlement;

/// <summary>
/// The payee says a pending settlement never arrived: it never counts. Handled by
/// <see cref="PayeeAnswerHandler"/>.
/// </summary>
public sealed record DeclineSettlement(
    GroupId GroupId,
    SettlementId SettlementId,
    int ExpectedVersion
) : SettlementAnswer(GroupId, SettlementId, ExpectedVersion);

public sealed class DeclineSettlementValidator : VersionedCommandValidator<DeclineSettlement>;
