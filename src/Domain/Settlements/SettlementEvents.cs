using Ledger.Domain.Common;

namespace Ledger.Domain.Settlements;

/// <param name="Amount">Canonical ("12.50"), in <paramref name="Currency"/>.</param>
public sealed record SettlementRecorded(
    GroupId GroupId,
    SettlementId SettlementId,
    UserId FromUserId,
    UserId ToUserId,
    string Amount,
    string Currency,
    SettlementStatus Status,
    int Version
) : IDomainEvent;

public sealed record SettlementConfirmed(GroupId GroupId, SettlementId SettlementId, int Version)
    : IDomainEvent;

public sealed record SettlementDeclined(GroupId GroupId, SettlementId SettlementId, int Version)
    : IDomainEvent;

public sealed record SettlementVoided(GroupId GroupId, SettlementId SettlementId, int Version)
    : IDomainEvent;
