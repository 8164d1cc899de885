using Ledger.Application.Common.Paging;
using Ledger.Application.Settlements;
using Ledger.Application.Settlements.Commands.ConfirmSettlement;
using Ledger.Application.Settlements.Commands.ConfirmSplitPayment;
using Ledger.Application.Settlements.Commands.DeclineSettlement;
using Ledger.Application.Settlements.Commands.DeclineSplitPayment;
using Ledger.Application.Settlements.Commands.PaySplit;
using Ledger.Application.Settlements.Commands.RecordSettlement;
using Ledger.Application.Settlements.Commands.SettleUp;
using Ledger.Application.Settlements.Commands.VoidSettlement;
using Ledger.Application.Settlements.Commands.VoidSplitPayment;
using Ledger.Application.Settlements.Queries.GetSettlement;
using Ledger.Application.Settlements.Queries.ListSettlements;
using Ledger.Application.Settlements.Queries.ListSplitPayments;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.WebApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Endpoints;

/// <summary>
/// Settling up: settlements between members (recorded, confirmed or declined by the payee,
/// voided by owners) and payments against one expense split. POSTs that create money records
/// honour an Idempotency-Key. Nothing is ever deleted: records are voided with a reason.
/// </summary>
public static class SettlementEndpoints
{
    public static RouteGroupBuilder MapSettlementEndpoints(this RouteGroupBuilder api)
    {
        var settlements = api.MapGroup("/groups/{groupId:guid}").WithTags("Settlements");
        settlements.MapGet("/settlements", ListSettlements);
        settlements.MapPost("/settlements", RecordSettlement).AcceptsIdempotencyKey();
        settlements.MapPost("/settlements/settle-up", SettleUp).AcceptsIdempotencyKey();
        settlements.MapGet("/settlements/{settlementId:guid}", GetSettlement);
        settlements.MapPost("/settlements/{settlementId:guid}/confirm", ConfirmSettlement);
        settlements.MapPost("/settlements/{settlementId:guid}/decline", DeclineSettlement);
        settlements.MapPost("/settlements/{settlementId:guid}/void", VoidSettlement);
        settlements
            .MapPost("/expenses/{expenseId:guid}/splits/{splitId:guid}/payments", PaySplit)
            .AcceptsIdempotencyKey();
        settlements.MapPost(
            "/expenses/{expenseId:guid}/payments/{paymentId:guid}/void",
            VoidSplitPayment
        );
        settlements.MapPost(
            "/expenses/{expenseId:guid}/payments/{paymentId:guid}/confirm",
            ConfirmSplitPayment
        );
        settlements.MapPost(
            "/expenses/{expenseId:guid}/payments/{paymentId:guid}/decline",
            DeclineSplitPayment
        );
        settlements.MapGet("/expenses/{expenseId:guid}/split-payments", ListSplitPayments);
        return settlements;
    }

    /// <summary>An expense's split payments, newest first, cursor-paged like every other list.</summary>
    public static Task<Ok<Page<SplitPaymentDto>>> ListSplitPayments(
        GroupId groupId,
        ExpenseId expenseId,
        ApiCall call,
        int? limit = null,
        string? cursor = null
    ) => call.Ok(new ListSplitPayments(groupId, expenseId, limit, cursor));

    public static Task<Ok<Page<SettlementDto>>> ListSettlements(
        GroupId groupId,
        ApiCall call,
        int? limit = null,
        string? cursor = null
    ) => call.Ok(new ListSettlements(groupId, limit, cursor));

    public static Task<Created<SettlementDto>> RecordSettlement(
        GroupId groupId,
        RecordSettlementRequest body,
        ApiCall call
    ) =>
        call.Created(
            new RecordSettlement(
                groupId,
                UserId.From(body.FromUserId),
                UserId.From(body.ToUserId),
                body.Currency,
                body.Amount,
                body.Note
            ),
            Location
        );

    public static Task<Created<SettlementDto>> SettleUp(
        GroupId groupId,
        SettleUpRequest body,
        ApiCall call
    ) =>
        call.Created(
            new SettleUp(
                groupId,
                UserId.From(body.FromUserId),
                UserId.From(body.ToUserId),
                body.Currency
            ),
            Location
        );

    public static Task<Ok<SettlementDto>> GetSettlement(
        GroupId groupId,
        SettlementId settlementId,
        ApiCall call
    ) => call.Ok(new GetSettlement(groupId, settlementId));

    public static Task<Ok<SettlementDto>> ConfirmSettlement(
        GroupId groupId,
        SettlementId settlementId,
        SettlementDecisionRequest? body,
        ApiCall call
    ) => call.Ok(new ConfirmSettlement(groupId, settlementId, call.ExpectedVersion(body?.Version)));

    public static Task<Ok<SettlementDto>> DeclineSettlement(
        GroupId groupId,
        SettlementId settlementId,
        SettlementDecisionRequest? body,
        ApiCall call
    ) => call.Ok(new DeclineSettlement(groupId, settlementId, call.ExpectedVersion(body?.Version)));

    public static Task<Ok<SettlementDto>> VoidSettlement(
        GroupId groupId,
        SettlementId settlementId,
        VoidSettlementRequest body,
        ApiCall call
    ) =>
        call.Ok(
            new VoidSettlement(
                groupId,
                settlementId,
                body.Reason,
                call.ExpectedVersion(body.Version)
            )
        );

    public static Task<Created<SplitPaymentDto>> PaySplit(
        GroupId groupId,
        ExpenseId expenseId,
        ExpenseSplitId splitId,
        PaySplitRequest body,
        ApiCall call
    ) =>
        call.Created(
            new PaySplit(
                groupId,
                expenseId,
                splitId,
                body.Amount,
                body.PaidAt,
                body.PayeeUserId is { } payee ? UserId.From(payee) : null
            ),
            payment => $"/api/v1/groups/{groupId}/expenses/{expenseId}/payments/{payment.Id}"
        );

    public static Task<Ok<SplitPaymentDto>> VoidSplitPayment(
        GroupId groupId,
        ExpenseId expenseId,
        SplitPaymentId paymentId,
        VoidSplitPaymentRequest body,
        ApiCall call
    ) =>
        call.Ok(
            new VoidSplitPayment(
                groupId,
                expenseId,
                paymentId,
                body.Reason,
                call.ExpectedVersion(body.Version)
            )
        );

    public static Task<Ok<SplitPaymentDto>> ConfirmSplitPayment(
        GroupId groupId,
        ExpenseId expenseId,
        SplitPaymentId paymentId,
        SettlementDecisionRequest? body,
        ApiCall call
    ) =>
        call.Ok(
            new ConfirmSplitPayment(
                groupId,
                expenseId,
                paymentId,
                call.ExpectedVersion(body?.Version)
            )
        );

    public static Task<Ok<SplitPaymentDto>> DeclineSplitPayment(
        GroupId groupId,
        ExpenseId expenseId,
        SplitPaymentId paymentId,
        SettlementDecisionRequest? body,
        ApiCall call
    ) =>
        call.Ok(
            new DeclineSplitPayment(
                groupId,
                expenseId,
                paymentId,
                call.ExpectedVersion(body?.Version)
            )
        );

    private static string Location(SettlementDto s) =>
        $"/api/v1/groups/{s.GroupId}/settlements/{s.Id}";
}

// What clients may send; nothing else binds.

/// <summary>A payment from one member to another; the amount is a string such as "12.50".</summary>
public sealed record RecordSettlementRequest(
    Guid FromUserId,
    Guid ToUserId,
    string Currency,
    string Amount,
    string? Note = null
);

/// <summary>Which suggested transfer to pay.</summary>
public sealed record SettleUpRequest(Guid FromUserId, Guid ToUserId, string Currency);

/// <summary>The version the settlement was read at (or If-Match).</summary>
public sealed record SettlementDecisionRequest(int? Version = null);

/// <summary>Why the settlement is voided (required), and the version it was read at (or If-Match).</summary>
public sealed record VoidSettlementRequest(string Reason, int? Version = null);

/// <summary>
/// A payment against a split: the amount, when it was paid (now if left out), and which of the
/// expense's payers received it (may be left out when there is only one).
/// </summary>
public sealed record PaySplitRequest(
    string Amount,
    DateTimeOffset? PaidAt = null,
    Guid? PayeeUserId = null
);

/// <summary>Why the payment is voided (required), and the version it was read at (or If-Match).</summary>
public sealed record VoidSplitPaymentRequest(string Reason, int? Version = null);
