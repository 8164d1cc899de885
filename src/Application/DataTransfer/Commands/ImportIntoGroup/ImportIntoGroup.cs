using FluentValidation.Results;
using Ledger.Application.Common.Idempotency;
using Ledger.Application.Expenses;
using Ledger.Application.MoneyRules;

namespace Ledger.Application.DataTransfer.Commands.ImportIntoGroup;

/// <summary>
/// Imports a Splitwise CSV export or a Ledger JSON export into a group, for owners: every
/// expense in one transaction (all or nothing), created by the importing owner with an import
/// id. A file with any problem changes nothing and answers 400 naming each line. Rows the
/// group already has (the same file imported before) are not created again; an
/// Idempotency-Key replays the first answer.
/// </summary>
public sealed record ImportIntoGroup(
    GroupId GroupId,
    string Format,
    string Content,
    IReadOnlyDictionary<string, Guid> People
) : ICommand<ImportResultDto>, IRequiresAccess, IImportFields, IIdempotentCommand
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class ImportIntoGroupValidator : AbstractValidator<ImportIntoGroup>
{
    public ImportIntoGroupValidator() => Include(new ImportFieldsValidator());
}

public sealed class ImportIntoGroupHandler(IApplicationDbContext db, ExpenseRecorder recorder)
    : ICommandHandler<ImportIntoGroup, ImportResultDto>
{
    public async ValueTask<ImportResultDto> Handle(
        ImportIntoGroup command,
        CancellationToken cancellationToken
    )
    {
        var members = await GroupMembers.LockAndReadAsync(db, command.GroupId, cancellationToken);
        var plan = ImportPlan.Build(command.Format, command.Content, command.People, members.Ids);
        if (plan.Problems.Count > 0)
        {
            throw new ValidationException(
                plan.Problems.Take(100)
                    .Select(p => new ValidationFailure(p.Key, p.Message))
                    .ToList()
            );
        }

        var existing = await ImportResults.ExistingAsync(
            db,
            command.GroupId,
            plan.Expenses.Select(e => e.ImportId).ToList(),
            cancellationToken
        );
        var created = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var planned in plan.Expenses.Where(e => !existing.Contains(e.ImportId)))
        {
            var expense = await recorder.RecordAsync(
                command.GroupId,
                members,
                planned.Details,
                cancellationToken,
                planned.ImportId
            );
            created[planned.ImportId] = expense.Id;
        }

        return ImportResults.From(plan, existing, created, dryRun: false);
    }
}
