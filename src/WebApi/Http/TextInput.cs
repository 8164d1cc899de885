using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ledger.WebApi.Http;

/// <summary>
/// The one place text from clients is checked before anything else sees it (issue 20 item 12):
/// no string in a JSON body, query string, form or path may hold NUL or another C0 control
/// character (or DEL); tab, line feed and carriage return only in the multi-line fields
/// (descriptions, notes, reasons). Names are normalised to Unicode NFC, so that one name typed
/// on two keyboards is one name. PostgreSQL refuses NUL in text (SQLSTATE 22021): without this,
/// such a string reached the database and answered 500.
/// </summary>
public static class TextInput
{
    /// <summary>JSON properties whose text may span lines.</summary>
    private static readonly HashSet<string> MultiLine = new(StringComparer.OrdinalIgnoreCase)
    {
        "description",
        "note",
        "notes",
        "reason",
        // The text of an imported file (CSV lines, tab-separated or not).
        "content",
    };

    public const string Message =
        "Text may not contain control characters (line breaks and tabs only in descriptions, notes and reasons).";

    /// <summary>Whether the text is free of control characters (tab and line breaks allowed if multi-line).</summary>
    public static bool IsClean(ReadOnlySpan<char> text, bool multiLine)
    {
        foreach (var c in text)
        {
            if (c < ' ' || c == '\u007f')
            {
                if (!(multiLine && c is '\t' or '\n' or '\r'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Adds the checks to the API's JSON options: every string, by the property it fills.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(CheckedText.SingleLine);
        options.TypeInfoResolver = (
            options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()
        ).WithAddedModifier(ChooseConverters);
    }

    private static void ChooseConverters(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (property.PropertyType != typeof(string))
            {
                continue;
            }

            var name = property.Name;
            property.CustomConverter =
                MultiLine.Contains(name) ? CheckedText.Lines
                : name.Equals("name", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("Name", StringComparison.Ordinal)
                    ? CheckedText.Name
                : CheckedText.SingleLine;
        }
    }

    /// <summary>
    /// Reads a string property, refusing control characters where none is allowed; a name is
    /// normalised to NFC. Writes strings as they are.
    /// </summary>
    private sealed class CheckedText(bool multiLine, bool isName) : JsonConverter<string>
    {
        public static readonly CheckedText SingleLine = new(multiLine: false, isName: false);
        public static readonly CheckedText Lines = new(multiLine: true, isName: false);
        public static readonly CheckedText Name = new(multiLine: false, isName: true);

        public override string Read(
            ref Utf8JsonReader reader,
            Type typeToConvert,
            JsonSerializerOptions options
        )
        {
            var text = reader.GetString()!;
            if (!IsClean(text, multiLine))
            {
                throw new TextInputException();
            }

            return isName ? text.Normalize(NormalizationForm.FormC) : text;
        }

        public override void Write(
            Utf8JsonWriter writer,
            string value,
            JsonSerializerOptions options
        ) => writer.WriteStringValue(value);
    }
}

/// <summary>A string in the body holds a control character where none is allowed.</summary>
public sealed class TextInputException() : JsonException(TextInput.Message);

/// <summary>
/// Refuses a path, query string or form with a control character (after percent-decoding)
/// before routing: 400 problem details, nothing else runs.
/// </summary>
public sealed class TextInputMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (
            !TextInput.IsClean(request.Path.Value, multiLine: false)
            || request.Query.Any(q => !IsClean(q.Key, q.Value))
        )
        {
            throw new TextInputException();
        }

        // Only URL-encoded forms (sign-in, token): a multipart body is a file upload that its
        // endpoint streams itself, and reading it here would consume it.
        if (
            request.HasFormContentType
            && !request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            && await ReadFormAsync(context) is { } form
        )
        {
            if (form.Any(f => !IsClean(f.Key, f.Value)))
            {
                throw new TextInputException();
            }
        }

        await next(context);
    }

    /// <summary>
    /// The form, kept for the endpoint. One that cannot be decoded (the form reader refuses a
    /// NUL, for one) is a 400 here, not an exception in whichever handler reads it next.
    /// </summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException exception)
        {
            throw new BadHttpRequestException(
                "The form could not be read.",
                StatusCodes.Status400BadRequest,
                exception
            );
        }
    }

    private static bool IsClean(string key, Microsoft.Extensions.Primitives.StringValues values) =>
        TextInput.IsClean(key, multiLine: false)
        && values.All(v => v is null || TextInput.IsClean(v, multiLine: false));
}
