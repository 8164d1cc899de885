namespace Ledger.Application.Common.Paging;

/// <summary>How many items a page may hold, and the rules a paged query's inputs follow.</summary>
public static class PageLimits
{
    public const int Default = 20;
    public const int Max = 100;

    /// <summary>Cursors we issue are far shorter; anything longer is not ours.</summary>
    public const int CursorMaxLength = 1024;

    public static int Resolve(int? limit) => limit ?? Default;

    public static IRuleBuilderOptions<T, int?> MustBeAPageLimit<T>(
        this IRuleBuilder<T, int?> rule
    ) => rule.InclusiveBetween(1, Max);

    public static IRuleBuilderOptions<T, string?> MustBeACursor<T>(
        this IRuleBuilder<T, string?> rule
    ) => rule.MaximumLength(CursorMaxLength);
}
