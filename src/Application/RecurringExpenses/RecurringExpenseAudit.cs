namespace Ledger.Application.RecurringExpenses;

/// <summary>The audit actions of recurring expenses; records name the template's id only.</summary>
public static class RecurringExpenseAudit
{
    public const string Record = "recurring-expense";

    public const string Created = "recurring-expense.created";
    public const string Updated = "recurring-expense.updated";
    public const string Paused = "recurring-expense.paused";
    public const string Resumed = "recurring-expense.resumed";
    public const string Ended = "recurring-expense.ended";

    /// <summary>Generation stopped by itself: an occurrence could not be recorded (reason: the rule code).</summary>
    public const string Suspended = "recurring-expense.suspended";
}
