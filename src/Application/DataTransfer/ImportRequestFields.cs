namespace Ledger.Application.DataTransfer;

/// <summary>What a client sends to import a file into a group.</summary>
public interface IImportFields
{
    string Format { get; }
    string Content { get; }

    /// <summary>The file's people (Splitwise column names, or the export's user ids) to group members.</summary>
    IReadOnlyDictionary<string, Guid> People { get; }
}

public sealed class ImportFieldsValidator : AbstractValidator<IImportFields>
{
    public ImportFieldsValidator()
    {
        RuleFor(x => x.Format)
            .Must(f => f is ImportFormats.Splitwise or ImportFormats.Ledger)
            .WithMessage("'format' is splitwise or ledger.");
        RuleFor(x => x.Content)
            .NotEmpty()
            .MaximumLength(ImportFormats.MaxContentLength)
            .WithMessage(
                $"'content' is the file's text, at most {ImportFormats.MaxContentLength} characters."
            );
        RuleFor(x => x.People)
            .NotNull()
            .Must(p => p is null || p.Count <= ImportFormats.MaxPeople)
            .WithMessage($"'people' maps at most {ImportFormats.MaxPeople} people to members.");
        RuleForEach(x => x.People)
            .Must(p => p.Key.Length is > 0 and <= 200)
            .WithMessage("A person's name is 1 to 200 characters.");
    }
}
