namespace Ledger.Domain.Settlements;

public enum SettlementStatus
{
    /// <summary>Recorded by someone other than the payee: waits for the payee to confirm it.</summary>
    Pending,

    /// <summary>The payee received it: it counts in the balances.</summary>
    Confirmed,

    /// <summary>The payee says it never arrived: it never counts.</summary>
    Declined,
}
