using Ledger.Domain.Groups;

namespace Ledger.Application.Groups;

/// <summary>Validation rules shared by the use cases that set a group's settings.</summary>
public static class GroupRules
{
    public static IRuleBuilderOptions<T, string> MustBeAGroupName<T>(
        this IRuleBuilder<T, string> rule
    ) => rule.NotEmpty().MaximumLength(Group.NameMaxLength);

    public static IRuleBuilderOptions<T, string> MustBeACurrencyCode<T>(
        this IRuleBuilder<T, string> rule
    ) =>
        rule.NotEmpty()
            .Must(code => Iso4217.TryGetMinorUnits(code, out _))
            .WithMessage("'{PropertyName}' must be an ISO 4217 currency code such as EUR.");

    public static IRuleBuilderOptions<T, string> MustBeATimeZone<T>(
        this IRuleBuilder<T, string> rule
    ) =>
        rule.NotEmpty()
            .MaximumLength(64)
            .Must(zone => TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            .WithMessage("'{PropertyName}' must be an IANA time zone id such as Europe/Berlin.");

    public static IRuleBuilderOptions<T, UserId> MustBeAUserId<T>(
        this IRuleBuilder<T, UserId> rule
    ) => rule.Must(id => id.Value != Guid.Empty).WithMessage("'{PropertyName}' is required.");

    public static IRuleBuilderOptions<T, int> MustBeAVersion<T>(this IRuleBuilder<T, int> rule) =>
        rule.GreaterThan(0);
}
