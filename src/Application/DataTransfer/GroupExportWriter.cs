using System.Buffers;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Ledger.Application.DataTransfer.Queries.ExportGroup;

namespace Ledger.Application.DataTransfer;

/// <summary>
/// Writes a <see cref="GroupExport"/> to a stream as it reads it: JSON (the
/// <see cref="GroupExportDocument"/> shape, importable again) or CSV (RFC 4180, UTF-8, one row
/// per record with a <c>record</c> column). Flushes every batch so memory stays bounded.
/// </summary>
public static class GroupExportWriter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const int FlushEvery = 200;

    public static readonly string[] CsvHeader =
    [
        "record",
        "id",
        "parent_id",
        "date",
        "description",
        "category",
        "currency",
        "amount",
        "user_id",
        "counterparty_user_id",
        "status",
        "voided_at",
        "note",
    ];

    public static async Task WriteJsonAsync(
        GroupExport export,
        Stream output,
        CancellationToken cancellationToken
    )
    {
        // The writer fills a buffer that is copied to the response asynchronously every few
        // hundred records (the response refuses synchronous writes), so memory stays bounded.
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        await using var writer = new Utf8JsonWriter(buffer);
        writer.WriteStartObject();
        writer.WriteString("format", GroupExportDocument.FormatName);
        writer.WriteNumber("formatVersion", GroupExportDocument.CurrentVersion);
        writer.WriteString("exportedAt", export.ExportedAt);
        writer.WritePropertyName("group");
        JsonSerializer.Serialize(writer, export.Group, Json);
        writer.WritePropertyName("members");
        JsonSerializer.Serialize(writer, export.Members, Json);
        await WriteArrayAsync(
            writer,
            buffer,
            output,
            "expenses",
            export.Expenses,
            cancellationToken
        );
        await WriteArrayAsync(
            writer,
            buffer,
            output,
            "settlements",
            export.Settlements,
            cancellationToken
        );
        await WriteArrayAsync(
            writer,
            buffer,
            output,
            "splitPayments",
            export.SplitPayments,
            cancellationToken
        );
        writer.WritePropertyName("balances");
        JsonSerializer.Serialize(writer, export.Balances, Json);
        writer.WriteEndObject();
        await CopyAsync(writer, buffer, output, cancellationToken);
    }

    private static async Task WriteArrayAsync<T>(
        Utf8JsonWriter writer,
        ArrayBufferWriter<byte> buffer,
        Stream output,
        string name,
        IAsyncEnumerable<T> items,
        CancellationToken cancellationToken
    )
    {
        writer.WriteStartArray(name);
        var count = 0;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(writer, item, Json);
            if (++count % FlushEvery == 0)
            {
                await CopyAsync(writer, buffer, output, cancellationToken);
            }
        }

        writer.WriteEndArray();
    }

    private static async Task CopyAsync(
        Utf8JsonWriter writer,
        ArrayBufferWriter<byte> buffer,
        Stream output,
        CancellationToken cancellationToken
    )
    {
        writer.Flush(); // into the buffer, not the response
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await output.FlushAsync(cancellationToken);
        buffer.ResetWrittenCount();
    }

    public static async Task WriteCsvAsync(
        GroupExport export,
        Stream output,
        CancellationToken cancellationToken
    )
    {
        await using var csv = CsvWriter.Create(
            output,
            new CsvWriterOptions
            {
                HasHeader = false,
                WriteByteOrderMark = false,
                // Formula neutralising is ours (Neutralise): our amounts are text here too.
                Injection = CsvInjection.None,
            },
            leaveOpen: true
        );
        var rows = 0;
        await Row(csv, CsvHeader.Select(h => (string?)h).ToArray(), cancellationToken);
        await foreach (var e in export.Expenses.WithCancellation(cancellationToken))
        {
            var voided = Timestamp(e.VoidedAt);
            await Row(
                csv,
                [
                    "expense",
                    e.Id.ToString(),
                    null,
                    e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    e.Description,
                    e.Category,
                    e.Currency,
                    e.Total,
                    e.CreatedByUserId?.ToString(),
                    null,
                    e.SplitType,
                    voided,
                    e.Note,
                ],
                cancellationToken
            );
            foreach (var payer in e.Payers)
            {
                await Row(
                    csv,
                    [
                        "payer",
                        null,
                        e.Id.ToString(),
                        null,
                        null,
                        null,
                        e.Currency,
                        payer.Amount,
                        payer.UserId.ToString(),
                        null,
                        null,
                        voided,
                        null,
                    ],
                    cancellationToken
                );
            }

            foreach (var split in e.Splits)
            {
                await Row(
                    csv,
                    [
                        "split",
                        split.Id.ToString(),
                        e.Id.ToString(),
                        null,
                        null,
                        null,
                        e.Currency,
                        split.Owed,
                        split.UserId.ToString(),
                        null,
                        split.Status,
                        voided,
                        null,
                    ],
                    cancellationToken
                );
            }

            foreach (var item in e.Items)
            {
                await Row(
                    csv,
                    [
                        "item",
                        item.ListItemId.ToString(),
                        e.Id.ToString(),
                        null,
                        null,
                        null,
                        e.Currency,
                        item.Price,
                        item.ForUserId?.ToString(),
                        null,
                        null,
                        voided,
                        null,
                    ],
                    cancellationToken
                );
            }

            if (++rows % FlushEvery == 0)
            {
                await csv.FlushAsync(cancellationToken);
                await output.FlushAsync(cancellationToken);
            }
        }

        await foreach (var s in export.Settlements.WithCancellation(cancellationToken))
        {
            await Row(
                csv,
                [
                    "settlement",
                    s.Id.ToString(),
                    null,
                    s.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    null,
                    null,
                    s.Currency,
                    s.Amount,
                    s.FromUserId.ToString(),
                    s.ToUserId.ToString(),
                    s.Status,
                    Timestamp(s.VoidedAt),
                    s.Note,
                ],
                cancellationToken
            );
        }

        await foreach (var p in export.SplitPayments.WithCancellation(cancellationToken))
        {
            await Row(
                csv,
                [
                    "split_payment",
                    p.Id.ToString(),
                    p.SplitId.ToString(),
                    p.PaidAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    null,
                    null,
                    p.Currency,
                    p.Amount,
                    p.DebtorUserId.ToString(),
                    p.PayeeUserId.ToString(),
                    null,
                    Timestamp(p.VoidedAt),
                    null,
                ],
                cancellationToken
            );
        }

        foreach (var currency in export.Balances)
        {
            foreach (var member in currency.Members)
            {
                await Row(
                    csv,
                    [
                        "balance",
                        null,
                        null,
                        null,
                        null,
                        null,
                        currency.Currency,
                        member.Amount,
                        member.UserId.ToString(),
                        null,
                        null,
                        null,
                        null,
                    ],
                    cancellationToken
                );
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static ValueTask Row(
        CsvWriter csv,
        string?[] cells,
        CancellationToken cancellationToken
    ) => csv.WriteRecordAsync(cells.Select(Neutralise).ToArray(), cancellationToken);

    /// <summary>
    /// OWASP CSV injection: a cell a spreadsheet would run as a formula (starting with =, +, -,
    /// @, tab or CR) gets a leading apostrophe, except our own amounts ("-12.50"), which are
    /// plain numbers to a spreadsheet.
    /// </summary>
    public static string Neutralise(string? cell)
    {
        if (string.IsNullOrEmpty(cell) || IsAmount(cell))
        {
            return cell ?? string.Empty;
        }

        return cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
    }

    private static bool IsAmount(string cell)
    {
        var digits = cell.StartsWith('-') ? cell[1..] : cell;
        var parts = digits.Split('.');
        return parts.Length <= 2 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }

    private static string? Timestamp(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
