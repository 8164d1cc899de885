namespace Ledger.Application.Operations;

/// <summary>Job names are short kebab-case identifiers (<c>purge-expired-invites</c>).</summary>
public static class JobNames
{
    public const int MaxLength = 64;

    public static IRuleBuilderOptions<T, string> ValidJobName<T>(
        this IRuleBuilder<T, string> rule
    ) =>
        rule.NotEmpty()
            .MaximumLength(MaxLength)
            .Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
            .WithMessage("A job name is lower-case words joined by hyphens.");
}
