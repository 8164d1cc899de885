using Ledger.Application.Common.Paging;
using Ledger.Application.Expenses;
using Ledger.Application.RecurringExpenses;
using Ledger.Application.RecurringExpenses.Commands.CreateRecurringExpense;
using Ledger.Application.RecurringExpenses.Commands.EndRecurringExpense;
using Ledger.Application.RecurringExpenses.Commands.PauseRecurringExpense;
using Ledger.Application.RecurringExpenses.Commands.ResumeRecurringExpense;
using Ledger.Application.RecurringExpenses.Commands.UpdateRecurringExpense;
using Ledger.Application.RecurringExpenses.Queries.GetRecurringExpense;
using Ledger.Application.RecurringExpenses.Queries.ListRecurringExpenses;
using Ledger.Application.RecurringExpenses.Queries.PreviewRecurringExpense;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.WebApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PreviewQuery = Ledger.Application.RecurringExpenses.Queries.PreviewRecurringExpense.PreviewRecurringExpense;

namespace Ledger.WebApi.Endpoints;

/// <summary>
/// A group's recurring expenses: templates the worker turns into normal expenses as their dates
/// come. Versioned like expenses (ETag, If-Match or body version; 409, 412, 428). There is no
/// DELETE: a recurring expense is ended, and what it generated stays.
/// </summary>
public static class RecurringExpenseEndpoints
{
    public static RouteGroupBuilder MapRecurringExpenseEndpoints(this RouteGroupBuilder api)
    {
        var recurring = api.MapGroup("/groups/{groupId:guid}/recurring-expenses")
            .WithTags("Recurring expenses");
        recurring.MapGet("/", ListRecurringExpenses);
        recurring.MapPost("/", CreateRecurringExpense);
        recurring.MapGet("/{id:guid}", GetRecurringExpense);
        recurring.MapPut("/{id:guid}", UpdateRecurringExpense);
        recurring.MapGet("/{id:guid}/preview", PreviewRecurringExpense);
        recurring.MapPost("/{id:guid}/pause", PauseRecurringExpense);
        recurring.MapPost("/{id:guid}/resume", ResumeRecurringExpense);
        recurring.MapPost("/{id:guid}/end", EndRecurringExpense);
        return recurring;
    }

    public static Task<Ok<Page<RecurringExpenseDto>>> ListRecurringExpenses(
        GroupId groupId,
        ApiCall call,
        bool includeEnded = false,
        int? limit = null,
        string? cursor = null
    ) => call.Ok(new ListRecurringExpenses(groupId, includeEnded, limit, cursor));

    public static Task<Created<RecurringExpenseDto>> CreateRecurringExpense(
        GroupId groupId,
        RecurringExpenseRequest body,
        ApiCall call
    ) =>
        call.Created(
            new CreateRecurringExpense(
                groupId,
                body.Description,
                body.Category,
                body.Currency,
                body.Total,
                body.Payers,
                body.Split,
                body.Recurrence,
                body.Note
            ),
            recurring => $"/api/v1/groups/{groupId}/recurring-expenses/{recurring.Id}"
        );

    public static Task<Ok<RecurringExpenseDto>> GetRecurringExpense(
        GroupId groupId,
        RecurringExpenseId id,
        ApiCall call
    ) => call.Ok(new GetRecurringExpense(groupId, id));

    public static Task<Ok<RecurringExpenseDto>> UpdateRecurringExpense(
        GroupId groupId,
        RecurringExpenseId id,
        UpdateRecurringExpenseRequest body,
        ApiCall call
    ) =>
        call.Ok(
            new UpdateRecurringExpense(
                groupId,
                id,
                body.Description,
                body.Category,
                body.Currency,
                body.Total,
                body.Payers,
                body.Split,
                body.Recurrence,
                call.ExpectedVersion(body.Version),
                body.Note
            )
        );

    /// <summary>The dates of the next occurrences (10 by default, at most 100).</summary>
    public static Task<Ok<IReadOnlyList<DateOnly>>> PreviewRecurringExpense(
        GroupId groupId,
        RecurringExpenseId id,
        ApiCall call,
        int count = PreviewQuery.DefaultCount
    ) => call.Ok(new PreviewQuery(groupId, id, count));

    public static Task<Ok<RecurringExpenseDto>> PauseRecurringExpense(
        GroupId groupId,
        RecurringExpenseId id,
        VersionRequest? body,
        ApiCall call
    ) => call.Ok(new PauseRecurringExpense(groupId, id, call.ExpectedVersion(body?.Version)));

    public static Task<Ok<RecurringExpenseDto>> ResumeRecurringExpense(
        GroupId groupId,
        RecurringExpenseId id,
        VersionRequest? body,
        ApiCall call
    ) => call.Ok(new ResumeRecurringExpense(groupId, id, call.ExpectedVersion(body?.Version)));

    public static Task<Ok<RecurringExpenseDto>> EndRecurringExpense(
        GroupId groupId,
        RecurringExpenseId id,
        VersionRequest? body,
        ApiCall call
    ) => call.Ok(new EndRecurringExpense(groupId, id, call.ExpectedVersion(body?.Version)));
}

/// <summary>A new recurring expense: the expense without a date, and the rule of its dates.</summary>
public sealed record RecurringExpenseRequest(
    string Description,
    ExpenseCategory Category,
    string Currency,
    string Total,
    IReadOnlyList<MemberAmountInput> Payers,
    SplitInput Split,
    RecurrenceInput Recurrence,
    string? Note = null
);

/// <summary>The whole recurring expense as it should be, and the version it was read at (or If-Match).</summary>
public sealed record UpdateRecurringExpenseRequest(
    string Description,
    ExpenseCategory Category,
    string Currency,
    string Total,
    IReadOnlyList<MemberAmountInput> Payers,
    SplitInput Split,
    RecurrenceInput Recurrence,
    string? Note = null,
    int? Version = null
);
