using FluentValidation;
using FluentValidation.Results;
using Ledger.Application.Receipts;
using Ledger.Application.Receipts.Commands.DetachReceipt;
using Ledger.Application.Receipts.Commands.UploadReceipt;
using Ledger.Application.Receipts.Queries.DownloadReceipt;
using Ledger.Application.Receipts.Queries.ListReceipts;
using Ledger.Domain.Common;
using Ledger.WebApi.Http;
using Ledger.WebApi.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Ledger.WebApi.Endpoints;

/// <summary>
/// Receipts on expenses: upload (multipart, one part named <c>file</c>, streamed), list,
/// download (attachment, nosniff, sandboxing CSP) and detach. The file name a client sends is
/// ignored; no response names a path.
/// </summary>
public static class ReceiptEndpoints
{
    /// <summary>The 10 MiB ceiling of the file plus room for the multipart framing.</summary>
    public const long UploadBodyBytes = 10L * 1024 * 1024 + 64 * 1024;

    public static RouteGroupBuilder MapReceiptEndpoints(this RouteGroupBuilder api)
    {
        var receipts = api.MapGroup("/groups/{groupId:guid}/expenses/{expenseId:guid}/receipts")
            .WithTags("Receipts");
        receipts
            .MapPost("/", UploadReceipt)
            .Named(nameof(UploadReceipt))
            .Accepts<IFormFile>("multipart/form-data")
            .WithRequestBodyLimit(UploadBodyBytes)
            .RequireExpensiveRateLimit();
        receipts.MapGet("/", ListReceipts).Named(nameof(ListReceipts));
        receipts
            .MapGet("/{receiptId:guid}/content", DownloadReceipt)
            .Named(nameof(DownloadReceipt))
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        receipts.MapDelete("/{receiptId:guid}", DetachReceipt).Named(nameof(DetachReceipt));
        return receipts;
    }

    public static async Task<Created<ReceiptDto>> UploadReceipt(
        Guid groupId,
        Guid expenseId,
        HttpRequest request,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        var boundary = MultipartBoundary(request);
        var reader = new MultipartReader(boundary, request.Body);
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
        {
            if (
                ContentDispositionHeaderValue.TryParse(
                    section.ContentDisposition,
                    out var disposition
                )
                && disposition.IsFileDisposition()
                && disposition.Name.Value == "file"
            )
            {
                var receipt = await sender.Send(
                    new UploadReceipt(
                        GroupId.From(groupId),
                        ExpenseId.From(expenseId),
                        section.Body
                    ),
                    cancellationToken
                );
                return TypedResults.Created(
                    $"/api/v1/groups/{groupId}/expenses/{expenseId}/receipts/{receipt.Id}/content",
                    receipt
                );
            }
        }

        throw Invalid("Send the receipt as a multipart/form-data part named 'file'.");
    }

    public static async Task<Ok<IReadOnlyList<ReceiptDto>>> ListReceipts(
        Guid groupId,
        Guid expenseId,
        ISender sender,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            await sender.Send(
                new ListReceipts(GroupId.From(groupId), ExpenseId.From(expenseId)),
                cancellationToken
            )
        );

    /// <summary>
    /// The receipt's bytes as an attachment with the type sniffed at upload, never rendered
    /// inline: nosniff and a CSP that sandboxes anything a browser might still open.
    /// </summary>
    public static async Task<FileStreamHttpResult> DownloadReceipt(
        Guid groupId,
        Guid expenseId,
        Guid receiptId,
        ISender sender,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var content = await sender.Send(
            new DownloadReceipt(
                GroupId.From(groupId),
                ExpenseId.From(expenseId),
                ReceiptId.From(receiptId)
            ),
            cancellationToken
        );
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(
            content.Content,
            content.ContentType,
            $"receipt-{content.Id}{Extension(content.ContentType)}"
        );
    }

    public static async Task<NoContent> DetachReceipt(
        Guid groupId,
        Guid expenseId,
        Guid receiptId,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        await sender.Send(
            new DetachReceipt(
                GroupId.From(groupId),
                ExpenseId.From(expenseId),
                ReceiptId.From(receiptId)
            ),
            cancellationToken
        );
        return TypedResults.NoContent();
    }

    private static string MultipartBoundary(HttpRequest request)
    {
        if (
            !MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals(
                "multipart/form-data",
                StringComparison.OrdinalIgnoreCase
            )
        )
        {
            throw Invalid("Send the receipt as multipart/form-data with a part named 'file'.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        return boundary is { Length: > 0 and <= 70 }
            ? boundary
            : throw Invalid("The multipart boundary is missing or too long.");
    }

    private static ValidationException Invalid(string message) =>
        new([new ValidationFailure("file", message)]);

    private static string Extension(string contentType) =>
        contentType switch
        {
            "image/jpeg" => ".jpg",
            "image/png" => ".png",
            "image/webp" => ".webp",
            "application/pdf" => ".pdf",
            _ => string.Empty,
        };
}
