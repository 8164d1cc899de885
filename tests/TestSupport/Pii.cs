namespace Ledger.TestSupport;

/// <summary>
/// Personal data used by tests is made recognisable, so the log scan (R7) can find any of it in
/// any log line without a list: every email is on <see cref="EmailDomain"/>, every name, typed
/// text and password starts with its marker.
/// </summary>
public static class Pii
{
    public const string EmailDomain = "pii-mail.example";
    public const string NameMarker = "PiiName";
    public const string TextMarker = "PiiText";
    public const string PasswordMarker = "PiiPass";

    public static string Email() => $"user-{Guid.NewGuid():N}@{EmailDomain}";

    public static string Name(string hint = "") =>
        $"{NameMarker}{hint}{Guid.NewGuid():N}"[
            ..Math.Min(60, NameMarker.Length + hint.Length + 32)
        ];

    public static string Text(string hint = "") => $"{TextMarker} {hint} {Guid.NewGuid():N}";

    public static string Password() => $"{PasswordMarker}-{Guid.NewGuid():N}";

    public static readonly string[] Markers = [EmailDomain, NameMarker, TextMarker, PasswordMarker];
}
