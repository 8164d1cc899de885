namespace Ledger.Domain.Recurrence;

public enum RecurringExpenseStatus
{
    /// <summary>Occurrences are generated as they come due.</summary>
    Active = 0,

    /// <summary>Nothing is generated; resuming skips what fell due meanwhile.</summary>
    Paused = 1,

    /// <summary>Ended by a member or by its rule; never generates again.</summary>
    Ended = 2,
}
