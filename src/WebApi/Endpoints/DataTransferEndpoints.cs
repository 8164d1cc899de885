using Ledger.Application.DataTransfer;
using Ledger.Application.DataTransfer.Commands.ImportIntoGroup;
using Ledger.Application.DataTransfer.Queries.ExportGroup;
using Ledger.Application.DataTransfer.Queries.PreviewImport;
using Ledger.Domain.Common;
using Ledger.WebApi.Http;
using Ledger.WebApi.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Endpoints;

/// <summary>
/// A group's history out (CSV or JSON, streamed) and in (a Splitwise CSV export or Ledger's own
/// JSON export, with a dry run). Both are expensive operations with the per-user limit.
/// </summary>
public static class DataTransferEndpoints
{
    /// <summary>An import's body: the file's text (at most 2 MiB of it) and the people mapping.</summary>
    public const long ImportBodyBytes = ImportFormats.MaxContentLength + 64 * 1024;

    public static RouteGroupBuilder MapDataTransferEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/groups/{groupId:guid}").WithTags("Export and import");
        group
            .MapGet("/export", ExportGroup)
            .Produces<GroupExportDocument>(StatusCodes.Status200OK, "application/json")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .RequireExpensiveRateLimit();
        group
            .MapPost("/imports", ImportIntoGroup)
            .WithRequestBodyLimit(ImportBodyBytes)
            .AcceptsIdempotencyKey()
            .RequireExpensiveRateLimit();
        return group;
    }

    /// <summary>
    /// The group's expenses (voided ones marked), settlements, split payments and balances.
    /// <c>format=json</c> (the default) can be imported again; <c>format=csv</c> is RFC 4180 with
    /// one row per record and spreadsheet formulas neutralised.
    /// </summary>
    public static async Task<PushStreamHttpResult> ExportGroup(
        GroupId groupId,
        ApiCall call,
        HttpContext http,
        string? format = null
    )
    {
        // Authorized (404 for those who may not read the group) and the format validated before
        // anything is written.
        var query = new ExportGroup(groupId, format);
        var export = await call.Send(query);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return query.IsCsv
            ? TypedResults.Stream(
                stream => GroupExportWriter.WriteCsvAsync(export, stream, http.RequestAborted),
                "text/csv; charset=utf-8",
                $"group-{groupId}.csv"
            )
            : TypedResults.Stream(
                stream => GroupExportWriter.WriteJsonAsync(export, stream, http.RequestAborted),
                "application/json; charset=utf-8",
                $"group-{groupId}.json"
            );
    }

    /// <summary>
    /// Imports a file into the group (owners). <c>dryRun=true</c> answers what would be created
    /// and every problem by line and column, writing nothing. The real run creates everything in
    /// one transaction or nothing (400 naming the lines); rows imported before are not created
    /// again, and an Idempotency-Key replays the first answer.
    /// </summary>
    public static Task<Ok<ImportResultDto>> ImportIntoGroup(
        GroupId groupId,
        ImportRequest body,
        ApiCall call,
        bool dryRun = false
    )
    {
        var people = body.People ?? new Dictionary<string, Guid>();
        return dryRun
            ? call.Ok(new PreviewImport(groupId, body.Format, body.Content, people))
            : call.Ok(new ImportIntoGroup(groupId, body.Format, body.Content, people));
    }
}

/// <param name="Format"><c>splitwise</c> (a Splitwise CSV export) or <c>ledger</c> (our JSON export).</param>
/// <param name="Content">The file's text.</param>
/// <param name="People">Each person of the file (a Splitwise column name, or the export's user id) to a member's user id.</param>
public sealed record ImportRequest(string Format, string Content, Dictionary<string, Guid>? People);
