using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Ledger.Application.Common.Paging;
using Ledger.Application.Expenses;
using Ledger.Application.Expenses.Commands.CreateExpense;
using Ledger.Application.Expenses.Commands.CreateExpenseFromList;
using Ledger.Application.Expenses.Commands.UpdateExpense;
using Ledger.Application.Expenses.Commands.VoidExpense;
using Ledger.Application.Expenses.Queries.GetExpense;
using Ledger.Application.Expenses.Queries.ListExpenses;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.WebApi.Http;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Endpoints;

/// <summary>
/// A group's expenses. Amounts travel as strings ("12.50") both ways; a JSON number where an
/// amount belongs is refused with a 400 naming the field. There is no DELETE: an expense is
/// voided (<c>POST …/void</c>, with a reason) and stays readable, so no request can remove a
/// financial record.
/// </summary>
public static class ExpenseEndpoints
{
    public static RouteGroupBuilder MapExpenseEndpoints(this RouteGroupBuilder api)
    {
        var expenses = api.MapGroup("/groups/{groupId:guid}/expenses").WithTags("Expenses");
        expenses.MapGet("/", ListExpenses).Named(nameof(ListExpenses));
        expenses.MapPost("/", CreateExpense).Named(nameof(CreateExpense)).AcceptsIdempotencyKey();
        expenses
            .MapPost("/from-list", CreateExpenseFromList)
            .Named(nameof(CreateExpenseFromList))
            .AcceptsIdempotencyKey();
        expenses.MapGet("/{expenseId:guid}", GetExpense).Named(nameof(GetExpense));
        expenses.MapPut("/{expenseId:guid}", UpdateExpense).Named(nameof(UpdateExpense));
        expenses.MapPost("/{expenseId:guid}/void", VoidExpense).Named(nameof(VoidExpense));
        return expenses;
    }

    public static async Task<Ok<Page<ExpenseSummaryDto>>> ListExpenses(
        Guid groupId,
        ISender sender,
        CancellationToken cancellationToken,
        string? from = null,
        string? to = null,
        Guid? member = null,
        string? category = null,
        string? text = null,
        bool includeVoided = false,
        int? limit = null,
        string? cursor = null
    ) =>
        TypedResults.Ok(
            await sender.Send(
                new ListExpenses(
                    GroupId.From(groupId),
                    QueryDate(from, nameof(from)),
                    QueryDate(to, nameof(to)),
                    member is { } m ? UserId.From(m) : null,
                    QueryCategory(category),
                    text,
                    includeVoided,
                    limit,
                    cursor
                ),
                cancellationToken
            )
        );

    public static async Task<Created<ExpenseDto>> CreateExpense(
        Guid groupId,
        CreateExpenseRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expense = await sender.Send(
            new CreateExpense(
                GroupId.From(groupId),
                body.Description,
                body.Category,
                body.Currency,
                body.Total,
                body.Date,
                body.Payers,
                body.Split,
                body.ListId,
                body.Note
            ),
            cancellationToken
        );
        EntityTags.Set(http, expense.Version);
        return TypedResults.Created($"/api/v1/groups/{groupId}/expenses/{expense.Id}", expense);
    }

    /// <summary>Bought items of a list become one item-based expense (see the command).</summary>
    public static async Task<Created<ExpenseDto>> CreateExpenseFromList(
        Guid groupId,
        CreateExpenseFromListRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expense = await sender.Send(
            new CreateExpenseFromList(
                GroupId.From(groupId),
                body.ListId,
                body.Description,
                body.Category,
                body.Date,
                body.Items
            ),
            cancellationToken
        );
        EntityTags.Set(http, expense.Version);
        return TypedResults.Created($"/api/v1/groups/{groupId}/expenses/{expense.Id}", expense);
    }

    public static async Task<Ok<ExpenseDto>> GetExpense(
        Guid groupId,
        Guid expenseId,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    ) =>
        WithETag(
            http,
            await sender.Send(
                new GetExpense(GroupId.From(groupId), ExpenseId.From(expenseId)),
                cancellationToken
            )
        );

    public static async Task<Ok<ExpenseDto>> UpdateExpense(
        Guid groupId,
        Guid expenseId,
        UpdateExpenseRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body.Version);
        var command = new UpdateExpense(
            GroupId.From(groupId),
            ExpenseId.From(expenseId),
            body.Description,
            body.Category,
            body.Currency,
            body.Total,
            body.Date,
            body.Payers,
            body.Split,
            expected,
            body.ListId,
            body.Note
        );
        return WithETag(http, await sender.Send(command, cancellationToken));
    }

    public static async Task<Ok<ExpenseDto>> VoidExpense(
        Guid groupId,
        Guid expenseId,
        VoidExpenseRequest body,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var expected = EntityTags.ExpectedVersion(http, body.Version);
        var command = new VoidExpense(
            GroupId.From(groupId),
            ExpenseId.From(expenseId),
            body.Reason,
            expected
        );
        return WithETag(http, await sender.Send(command, cancellationToken));
    }

    private static Ok<ExpenseDto> WithETag(HttpContext http, ExpenseDto expense)
    {
        EntityTags.Set(http, expense.Version);
        return TypedResults.Ok(expense);
    }

    /// <summary>Categories by the names they have in JSON ("groceries"), never by number.</summary>
    private static ExpenseCategory? QueryCategory(string? text) =>
        text is null ? null
        : text.Length is > 0 and <= 32
        && text.All(char.IsAsciiLetter)
        && Enum.TryParse<ExpenseCategory>(text, ignoreCase: true, out var category)
        && Enum.IsDefined(category)
            ? category
        : throw new ValidationException([
            new ValidationFailure("category", "'category' must be one of the expense categories."),
        ]);

    /// <summary>Dates are yyyy-MM-dd, in queries as in bodies; anything else names the parameter.</summary>
    private static DateOnly? QueryDate(string? text, string parameter) =>
        text is null ? null
        : DateOnly.TryParseExact(
            text,
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var date
        )
            ? date
        : throw new ValidationException([
            new ValidationFailure(parameter, $"'{parameter}' must be a date such as 2026-03-01."),
        ]);
}

// What clients may send; nothing else binds (no group ids, creators or voids smuggled in).

/// <summary>A new expense. Amounts are strings in the currency's decimals, such as "12.50".</summary>
public sealed record CreateExpenseRequest(
    string Description,
    ExpenseCategory Category,
    string Currency,
    string Total,
    DateOnly Date,
    IReadOnlyList<MemberAmountInput> Payers,
    SplitInput Split,
    Guid? ListId = null,
    string? Note = null
);

/// <summary>The list, which of its bought items to charge and for whom, and what to call the expense.</summary>
public sealed record CreateExpenseFromListRequest(
    Guid ListId,
    string Description,
    ExpenseCategory Category,
    DateOnly Date,
    IReadOnlyList<BoughtItemInput> Items
);

/// <summary>The whole expense as it should be, and the version it was read at (or If-Match).</summary>
public sealed record UpdateExpenseRequest(
    string Description,
    ExpenseCategory Category,
    string Currency,
    string Total,
    DateOnly Date,
    IReadOnlyList<MemberAmountInput> Payers,
    SplitInput Split,
    Guid? ListId = null,
    string? Note = null,
    int? Version = null
);

/// <summary>Why the expense is voided (required), and the version it was read at (or If-Match).</summary>
public sealed record VoidExpenseRequest(string Reason, int? Version = null);
