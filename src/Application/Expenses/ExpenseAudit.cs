namespace Ledger.Application.Expenses;

/// <summary>The audit actions of expenses. Records name the expense id only; a void keeps its reason.</summary>
public static class ExpenseAudit
{
    public const string ExpenseRecord = "expense";

    public const string Created = "expense.created";
    public const string Updated = "expense.updated";
    public const string Voided = "expense.voided";
}
