namespace Ledger.Application.DataTransfer;

internal static class ImportResults
{
    /// <summary>The import ids of the plan that the group already has (an earlier import of the file).</summary>
    public static async Task<HashSet<string>> ExistingAsync(
        IApplicationDbContext db,
        GroupId groupId,
        IReadOnlyCollection<string> importIds,
        CancellationToken cancellationToken
    )
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in importIds.Chunk(1000))
        {
            var found = await db
                .Expenses.AsNoTracking()
                .Where(e =>
                    e.GroupId == groupId && e.ImportId != null && chunk.Contains(e.ImportId)
                )
                .Select(e => e.ImportId!)
                .ToListAsync(cancellationToken);
            existing.UnionWith(found);
        }

        return existing;
    }

    public static ImportResultDto From(
        ImportPlan plan,
        IReadOnlySet<string> existing,
        IReadOnlyDictionary<string, Guid>? created,
        bool dryRun
    ) =>
        new(
            dryRun,
            plan.Expenses.Count(e => !existing.Contains(e.ImportId)),
            plan.Expenses.Count(e => existing.Contains(e.ImportId)),
            plan.Expenses.Select(e => new ImportedExpenseDto(
                    e.Line,
                    e.ImportId,
                    created is not null && created.TryGetValue(e.ImportId, out var id) ? id : null,
                    e.Details.Date,
                    e.Details.Total.Currency,
                    e.Details.Total.ToCanonicalString(),
                    existing.Contains(e.ImportId)
                ))
                .ToArray(),
            plan.Skipped.Select(Line).ToArray(),
            plan.Problems.Select(Line).ToArray()
        );

    private static ImportLineDto Line(ImportProblem p) => new(p.Line, p.Column, p.Message);
}
