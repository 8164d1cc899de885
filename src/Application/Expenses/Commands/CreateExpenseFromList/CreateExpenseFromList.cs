using Ledger.Application.Common.Idempotency;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Expenses;
using Ledger.Domain.Monetary;

namespace Ledger.Application.Expenses.Commands.CreateExpenseFromList;

/// <summary>
/// Turns bought items of a list into one item-based expense in one step: whoever bought an
/// item paid its price, the member it was for owes it, and items for nobody in particular are
/// shared equally by every member. The list may be the group's or the caller's personal list
/// (docs/requirements.md A6); the expense keeps the link, and no item can be in two live expenses.
/// </summary>
public sealed record CreateExpenseFromList(
    GroupId GroupId,
    Guid ListId,
    string Description,
    ExpenseCategory Category,
    DateOnly Date,
    IReadOnlyList<BoughtItemInput> Items
) : ICommand<ExpenseDto>, IRequiresAccess, IIdempotentCommand
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Write);
}

/// <summary>A bought item to charge, and the member it was for (null: shared by everyone).</summary>
public sealed record BoughtItemInput(Guid ItemId, Guid? ForUserId = null);

public sealed class CreateExpenseFromListValidator : AbstractValidator<CreateExpenseFromList>
{
    public CreateExpenseFromListValidator()
    {
        RuleFor(c => c.ListId).NotEmpty();
        RuleFor(c => c.Description).NotEmpty().MaximumLength(Expense.DescriptionMaxLength);
        RuleFor(c => c.Category).IsInEnum();
        RuleFor(c => c.Date)
            .InclusiveBetween(
                ExpenseFieldsValidator.EarliestDate,
                ExpenseFieldsValidator.LatestDate
            );
        RuleFor(c => c.Items)
            .NotEmpty()
            .Must(items => items is null || items.Count <= ItemBasedSplit.MaxItems)
            .WithMessage($"Charge 1 to {ItemBasedSplit.MaxItems} items.")
            .Must(items => items is null || items.DistinctBy(i => i.ItemId).Count() == items.Count)
            .WithMessage("Each item is charged once.");
        RuleForEach(c => c.Items)
            .ChildRules(item =>
            {
                item.RuleFor(i => i.ItemId).NotEmpty();
                item.RuleFor(i => i.ForUserId).NotEqual(Guid.Empty);
            });
    }
}

public sealed class CreateExpenseFromListHandler(
    IApplicationDbContext db,
    ExpenseRecorder recorder,
    ICurrentPrincipal principal,
    HouseholdAccess household
) : ICommandHandler<CreateExpenseFromList, ExpenseDto>
{
    public async ValueTask<ExpenseDto> Handle(
        CreateExpenseFromList command,
        CancellationToken cancellationToken
    )
    {
        var (members, caller) = await ExpensePolicy.LockMembersAndCallerAsync(
            db,
            principal,
            command.GroupId,
            cancellationToken
        );
        var listId = ListId.From(command.ListId);
        // Before the list is read or locked: a list the caller may not read answers exactly as
        // one that does not exist (issue 20 item 11).
        await ExpenseListLinks.EnsureReadableAsync(
            db,
            household,
            caller,
            command.GroupId,
            listId,
            cancellationToken
        );
        // The list's lock: an item cannot be unmarked or repriced while it becomes an expense.
        await db.LockListAsync(listId, cancellationToken);
        var currency =
            await db
                .Lists.Where(l => l.Id == listId)
                .Select(l => l.Currency)
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainValidationException(
                "expense.list",
                "listId: the list does not exist.",
                "listId"
            );
        var charged = await ChargedItemsAsync(command, listId, currency, cancellationToken);

        var details = new ExpenseDetails(
            command.Description,
            command.Category,
            Sum(charged.Select(c => c.Price), currency),
            command.Date,
            charged
                .GroupBy(c => c.BoughtBy)
                .Select(paid => new MemberAmount(
                    paid.Key,
                    Sum(paid.Select(c => c.Price), currency)
                ))
                .ToArray(),
            new ItemBasedSplit(
                charged.Select(c => new ItemCharge(c.Item, c.For, c.Price)).ToArray(),
                charged.Any(c => c.For is null)
                    ? new EqualSplit(members.Ids.OrderBy(id => id.Value).ToArray())
                    : null
            ),
            listId
        );
        return await recorder.RecordAsync(command.GroupId, members, details, cancellationToken);
    }

    private sealed record ChargedItem(ListItemId Item, UserId BoughtBy, UserId? For, Money Price);

    private async Task<List<ChargedItem>> ChargedItemsAsync(
        CreateExpenseFromList command,
        ListId listId,
        string currency,
        CancellationToken cancellationToken
    )
    {
        var ids = command.Items.Select(i => ListItemId.From(i.ItemId)).ToList();
        var bought = await db
            .ListItems.AsNoTracking()
            .Where(i =>
                i.ListId == listId
                && ids.Contains(i.Id)
                && i.RemovedAt == null
                && i.BoughtBy != null
                && i.PriceMinorUnits != null
            )
            .Select(i => new
            {
                i.Id,
                BoughtBy = i.BoughtBy!.Value,
                Price = i.PriceMinorUnits!.Value,
            })
            .ToDictionaryAsync(i => i.Id, cancellationToken);

        return command
            .Items.Select(
                (input, index) =>
                    bought.TryGetValue(ListItemId.From(input.ItemId), out var item)
                        ? new ChargedItem(
                            item.Id,
                            item.BoughtBy,
                            input.ForUserId is { } forUser ? UserId.From(forUser) : null,
                            Money.FromMinorUnits(item.Price, currency)
                        )
                        : throw new DomainValidationException(
                            "expense.list-item",
                            $"items[{index}].itemId: not a bought item with a price on this list.",
                            $"items[{index}].itemId"
                        )
            )
            .ToList();
    }

    private static Money Sum(IEnumerable<Money> amounts, string currency) =>
        amounts.Aggregate(Money.Zero(currency), (sum, amount) => sum + amount);
}
