using System.Text.Json;
using FluentValidation.Results;

namespace Ledger.Application.Common.Paging;

/// <summary>
/// Turns a keyset position (the last item of a page) into an opaque cursor and back. A cursor
/// is bound to its list (the purpose): one issued for another list, altered or made up is a
/// 400, never a 500 and never silently a different page.
/// </summary>
public sealed class CursorCodec(ICursorProtector protector)
{
    public string Encode<TPosition>(string purpose, TPosition position)
        where TPosition : class =>
        EncodePayload(purpose, JsonSerializer.SerializeToUtf8Bytes(position));

    internal string EncodePayload(string purpose, byte[] payload) =>
        protector.Protect(purpose, payload);

    /// <summary>The position after which the next page starts; null for the first page.</summary>
    public TPosition? Decode<TPosition>(string purpose, string? cursor)
        where TPosition : class
    {
        if (cursor is null)
        {
            return null;
        }

        var payload = protector.Unprotect(purpose, cursor) ?? throw Invalid();
        try
        {
            return JsonSerializer.Deserialize<TPosition>(payload) ?? throw Invalid();
        }
        catch (JsonException)
        {
            throw Invalid();
        }
    }

    internal static ValidationException Invalid() =>
        new([
            new ValidationFailure(
                "Cursor",
                "The cursor is not valid for this list: start again from the first page."
            ),
        ]);
}
