using Ledger.Domain.Integrations;

namespace Ledger.Application.Partners;

internal static class PartnerRules
{
    public const int DisplayNameMaxLength = 100;

    public static IRuleBuilderOptions<T, string> MustBeAClientId<T>(
        this IRuleBuilder<T, string> rule
    ) => rule.NotEmpty().MaximumLength(IntegrationGrant.ClientIdMaxLength);

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> MustBeScopesOf<T>(
        this IRuleBuilder<T, IReadOnlyList<string>> rule,
        IReadOnlyCollection<string> allowed
    ) =>
        rule.NotEmpty()
            .Must(scopes =>
                scopes.Distinct(StringComparer.Ordinal).Count() == scopes.Count
                && scopes.All(allowed.Contains)
            )
            .WithMessage($"'Scopes' holds distinct values of {string.Join(", ", allowed)}.");
}
