using Ledger.Application.Receipts;
using Ledger.Application.Receipts.Commands.DetachReceipt;
using Ledger.Application.Receipts.Commands.UploadReceipt;
using Ledger.Application.Receipts.Queries.DownloadReceipt;
using Ledger.Application.Receipts.Queries.ListReceipts;
using Ledger.Domain.Common;
using Ledger.WebApi.Http;
using Ledger.WebApi.RateLimiting;
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
            .Accepts<IFormFile>("multipart/form-data")
            .WithRequestBodyLimit(UploadBodyBytes)
            .RequireExpensiveRateLimit();
        receipts.MapGet("/", ListReceipts);
        receipts
            .MapGet("/{receiptId:guid}/content", DownloadReceipt)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        receipts.MapDelete("/{receiptId:guid}", DetachReceipt);
        return receipts;
    }

    public static async Task<Created<ReceiptDto>> UploadReceipt(
        GroupId groupId,
        ExpenseId expenseId,
        HttpRequest request,
        ApiCall call,
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
                var receipt = await call.Send(new UploadReceipt(groupId, expenseId, section.Body));
                return TypedResults.Created(
                    $"/api/v1/groups/{groupId}/expenses/{expenseId}/receipts/{receipt.Id}/content",
                    receipt
                );
            }
        }

        throw RequestValues.Invalid(
            "file",
            "Send the receipt as a multipart/form-data part named 'file'."
        );
    }

    public static Task<Ok<IReadOnlyList<ReceiptDto>>> ListReceipts(
        GroupId groupId,
        ExpenseId expenseId,
        ApiCall call
    ) => call.Ok(new ListReceipts(groupId, expenseId));

    /// <summary>
    /// The receipt's bytes as an attachment with the type sniffed at upload, never rendered
    /// inline: nosniff and a CSP that sandboxes anything a browser might still open.
    /// </summary>
    public static async Task<FileStreamHttpResult> DownloadReceipt(
        GroupId groupId,
        ExpenseId expenseId,
        ReceiptId receiptId,
        ApiCall call,
        HttpContext http
    )
    {
        var content = await call.Send(new DownloadReceipt(groupId, expenseId, receiptId));
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(
            content.Content,
            content.ContentType,
            $"receipt-{content.Id}{Extension(content.ContentType)}"
        );
    }

    public static Task<NoContent> DetachReceipt(
        GroupId groupId,
        ExpenseId expenseId,
        ReceiptId receiptId,
        ApiCall call
    ) => call.NoContent(new DetachReceipt(groupId, expenseId, receiptId));

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
            throw RequestValues.Invalid(
                "file",
                "Send the receipt as multipart/form-data with a part named 'file'."
            );
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        return boundary is { Length: > 0 and <= 70 }
            ? boundary
            : throw RequestValues.Invalid("file", "The multipart boundary is missing or too long.");
    }

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
