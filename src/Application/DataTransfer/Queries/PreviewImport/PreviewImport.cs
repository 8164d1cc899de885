using Ledger.Domain.Groups;

namespace Ledger.Application.DataTransfer.Queries.PreviewImport;

/// <summary>
/// The dry run of an import, for owners: what the file would create and every problem by line
/// and column. A query: it writes nothing, not even an idempotency key.
/// </summary>
public sealed record PreviewImport(
    GroupId GroupId,
    string Format,
    string Content,
    IReadOnlyDictionary<string, Guid> People
) : IQuery<ImportResultDto>, IRequiresAccess, IImportFields
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class PreviewImportValidator : AbstractValidator<PreviewImport>
{
    public PreviewImportValidator() => Include(new ImportFieldsValidator());
}

public sealed class PreviewImportHandler(IApplicationDbContext db)
    : IQueryHandler<PreviewImport, ImportResultDto>
{
    public async ValueTask<ImportResultDto> Handle(
        PreviewImport query,
        CancellationToken cancellationToken
    )
    {
        var members = (
            await db
                .Memberships.AsNoTracking()
                .Where(m => m.GroupId == query.GroupId && m.LeftAt == null)
                .Select(m => m.UserId)
                .ToListAsync(cancellationToken)
        ).ToHashSet();
        var plan = ImportPlan.Build(query.Format, query.Content, query.People, members);
        var importIds = plan.Expenses.Select(e => e.ImportId).ToList();
        var existing = await ImportResults.ExistingAsync(
            db,
            query.GroupId,
            importIds,
            cancellationToken
        );
        return ImportResults.From(plan, existing, created: null, dryRun: true);
    }
}
