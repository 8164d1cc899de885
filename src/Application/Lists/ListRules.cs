using Ledger.Domain.Lists;

namespace Ledger.Application.Lists;

/// <summary>Validation rules shared by the list use cases; the domain checks them again.</summary>
public static class ListRules
{
    public static IRuleBuilderOptions<T, string> MustBeAListName<T>(
        this IRuleBuilder<T, string> rule
    ) => rule.NotEmpty().MaximumLength(ShoppingList.NameMaxLength);

    public static IRuleBuilderOptions<T, string> MustBeAnItemName<T>(
        this IRuleBuilder<T, string> rule
    ) => rule.NotEmpty().MaximumLength(ListItem.NameMaxLength);

    public static IRuleBuilderOptions<T, string?> MustBeAQuantity<T>(
        this IRuleBuilder<T, string?> rule
    ) => rule.MaximumLength(ListItem.QuantityMaxLength);

    public static IRuleBuilderOptions<T, ListItemId> MustBeAnItemId<T>(
        this IRuleBuilder<T, ListItemId> rule
    ) => rule.Must(id => id.Value != Guid.Empty).WithMessage("'{PropertyName}' is required.");
}
