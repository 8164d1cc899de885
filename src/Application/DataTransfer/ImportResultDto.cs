namespace Ledger.Application.DataTransfer;

/// <summary>
/// What an import did (or, for a dry run, would do): the expenses by the line they come from,
/// lines skipped on purpose, and those already imported before (so not created again).
/// </summary>
public sealed record ImportResultDto(
    bool DryRun,
    int Created,
    int AlreadyImported,
    IReadOnlyList<ImportedExpenseDto> Expenses,
    IReadOnlyList<ImportLineDto> Skipped,
    IReadOnlyList<ImportLineDto> Problems
);

/// <param name="Id">The created expense; null in a dry run or when it was imported before.</param>
public sealed record ImportedExpenseDto(
    int Line,
    string ImportId,
    Guid? Id,
    DateOnly Date,
    string Currency,
    string Total,
    bool AlreadyImported
);

public sealed record ImportLineDto(int Line, string? Column, string Message);
