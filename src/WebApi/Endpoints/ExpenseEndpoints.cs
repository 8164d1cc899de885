using Ledger.Application.Common.Paging;
using Ledger.Application.Common.QueryStrings;
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
        expenses.MapGet("/", ListExpenses);
        expenses.MapPost("/", CreateExpense).AcceptsIdempotencyKey();
        expenses.MapPost("/from-list", CreateExpenseFromList).AcceptsIdempotencyKey();
        expenses.MapGet("/{expenseId:guid}", GetExpense);
        expenses.MapPut("/{expenseId:guid}", UpdateExpense);
        expenses.MapPost("/{expenseId:guid}/void", VoidExpense);
        return expenses;
    }

    public static Task<Ok<Page<ExpenseSummaryDto>>> ListExpenses(
        GroupId groupId,
        ApiCall call,
        string? from = null,
        string? to = null,
        UserId? member = null,
        string? category = null,
        string? text = null,
        bool includeVoided = false,
        int? limit = null,
        string? cursor = null
    ) =>
        call.Ok(
            new ListExpenses(
                groupId,
                QueryValue.Date(from),
                QueryValue.Date(to),
                member,
                QueryValue.Enum<ExpenseCategory>(category),
                text,
                includeVoided,
                limit,
                cursor
            )
        );

    public static Task<Created<ExpenseDto>> CreateExpense(
        GroupId groupId,
        CreateExpenseRequest body,
        ApiCall call
    ) =>
        call.Created(
            new CreateExpense(
                groupId,
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
            Location
        );

    /// <summary>Bought items of a list become one item-based expense (see the command).</summary>
    public static Task<Created<ExpenseDto>> CreateExpenseFromList(
        GroupId groupId,
        CreateExpenseFromListRequest body,
        ApiCall call
    ) =>
        call.Created(
            new CreateExpenseFromList(
                groupId,
                body.ListId,
                body.Description,
                body.Category,
                body.Date,
                body.Items
            ),
            Location
        );

    public static Task<Ok<ExpenseDto>> GetExpense(
        GroupId groupId,
        ExpenseId expenseId,
        ApiCall call
    ) => call.Ok(new GetExpense(groupId, expenseId));

    public static Task<Ok<ExpenseDto>> UpdateExpense(
        GroupId groupId,
        ExpenseId expenseId,
        UpdateExpenseRequest body,
        ApiCall call
    ) =>
        call.Ok(
            new UpdateExpense(
                groupId,
                expenseId,
                body.Description,
                body.Category,
                body.Currency,
                body.Total,
                body.Date,
                body.Payers,
                body.Split,
                call.ExpectedVersion(body.Version),
                body.ListId,
                body.Note
            )
        );

    public static Task<Ok<ExpenseDto>> VoidExpense(
        GroupId groupId,
        ExpenseId expenseId,
        VoidExpenseRequest body,
        ApiCall call
    ) =>
        call.Ok(
            new VoidExpense(groupId, expenseId, body.Reason, call.ExpectedVersion(body.Version))
        );

    private static string Location(ExpenseDto expense) =>
        $"/api/v1/groups/{expense.GroupId}/expenses/{expense.Id}";
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
