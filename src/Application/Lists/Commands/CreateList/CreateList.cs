using Ledger.Application.Groups;
using Ledger.Domain.Lists;

namespace Ledger.Application.Lists.Commands.CreateList;

/// <summary>
/// Creates a shopping list: the group's when <see cref="GroupId"/> is given (members only), the
/// caller's personal list otherwise. Prices are in <see cref="Currency"/>, which defaults to the
/// group's currency and is required for a personal list.
/// </summary>
public sealed record CreateList(string Name, GroupId? GroupId = null, string? Currency = null)
    : ICommand<ListDto>,
        IRequiresAccess
{
    public Access Access => Access.PersonalOrGroup(GroupId);
}

public sealed class CreateListValidator : AbstractValidator<CreateList>
{
    public CreateListValidator()
    {
        RuleFor(c => c.Name).MustBeAListName();
        RuleFor(c => c.Currency!).MustBeACurrencyCode().When(c => c.Currency is not null);
        RuleFor(c => c.Currency)
            .NotEmpty()
            .When(c => c.GroupId is null)
            .WithMessage("A personal list needs a currency for its prices.");
    }
}

public sealed class CreateListHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    TimeProvider clock
) : ICommandHandler<CreateList, ListDto>
{
    public async ValueTask<ListDto> Handle(CreateList command, CancellationToken cancellationToken)
    {
        var me = principal.RequireUserId();
        var (ownership, currency) = command.GroupId is { } groupId
            ? (
                Ownership.OfGroup(groupId),
                command.Currency
                    ?? await db
                        .Groups.Where(g => g.Id == groupId)
                        .Select(g => g.DefaultCurrency)
                        .SingleAsync(cancellationToken)
            )
            : (Ownership.Personal(me), command.Currency!);

        var list = ShoppingList.Create(ownership, command.Name, currency, me, clock.GetUtcNow());
        db.Lists.Add(list);
        return ListDto.From(list);
    }
}
