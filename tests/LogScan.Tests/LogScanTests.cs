using System.Text.RegularExpressions;
using AwesomeAssertions;
using Ledger.TestSupport;

namespace Ledger.LogScan.Tests;

/// <summary>
/// R7 and audit 003 #9: after every other test project has run (the build tool runs this one
/// last), no line any of them logged may contain an email, name, typed text or password. The
/// tests make all such data recognisable (see <see cref="Pii"/>). Issue 19: nor a token or code
/// (bearer, access, refresh and ID tokens, authorization codes), which the tests cannot mark but
/// which have recognisable shapes (see <see cref="TokenScanner"/>).
/// </summary>
public sealed class LogScanTests
{
    private static string[] LogFiles() =>
        Directory.Exists(TestEnvironment.LogsDirectory)
            ? Directory.GetFiles(
                TestEnvironment.LogsDirectory,
                "*.log",
                SearchOption.AllDirectories
            )
            : [];

    [Test]
    public void Should_have_logs_of_the_whole_run_to_scan()
    {
        var files = LogFiles();

        files.Should().NotBeEmpty("the other test projects write their logs before this one runs");
        files.Sum(f => File.ReadLines(f).Count()).Should().BeGreaterThan(0);
    }

    [Test]
    public void Should_find_no_personal_data_in_any_log_line()
    {
        var hits = LogFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(entry => PiiScanner.Find(entry.line) is not null)
            .Select(entry =>
                $"{Path.GetFileName(entry.file)}:{entry.index + 1}: {PiiScanner.Find(entry.line)}"
            )
            .Take(20)
            .ToList();

        hits.Should().BeEmpty("logs must carry ids, never emails, names, typed text or passwords");
    }

    [Test]
    public void Should_find_no_token_or_code_in_any_log_line()
    {
        var hits = LogFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(entry => TokenScanner.Find(entry.line) is not null)
            .Select(entry =>
                $"{Path.GetFileName(entry.file)}:{entry.index + 1}: {TokenScanner.Find(entry.line)}"
            )
            .Take(20)
            .ToList();

        hits.Should().BeEmpty("logs must never carry a token, a code or a client secret");
    }

    [TestCase("Information Ledger: Authorization: Bearer abcdefghij0123456789ABCDEFGHIJ")]
    [TestCase(
        "Debug Ledger: token eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl"
    )]
    [TestCase("Information Ledger: GET /auth/callback?code=AbCdEfGhIjKlMnOpQrStUv&state=1")]
    [TestCase(
        "Information Ledger: POST /connect/token grant_type=refresh_token&refresh_token=Zm9vYmFyYmF6cXV4MTIzNDU2"
    )]
    [TestCase("{\"Message\":\"answer\",\"access_token\":\"abcdefghijklmnopqrstuvwxyz012345\"}")]
    [TestCase("Information Ledger: client_secret=s3cr3t-abcdefghijklmnop")]
    public void Should_recognise_planted_tokens(string line) =>
        TokenScanner.Find(line).Should().NotBeNull();

    [TestCase(
        "Information Handled RefreshToken for user 0193a7b2-0000-7000-8000-000000000001: ok in 3.1 ms"
    )]
    [TestCase("Warning Ledger: token request refused: invalid_grant (the code was already used)")]
    [TestCase("{\"TraceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"SpanId\":\"00f067aa0ba902b7\"}")]
    public void Should_pass_lines_that_only_name_tokens(string line) =>
        TokenScanner.Find(line).Should().BeNull();

    [TestCase("Information Ledger: created user user-1@" + Pii.EmailDomain)]
    [TestCase("Information Ledger: group " + Pii.NameMarker + "Flat renamed")]
    [TestCase("Debug Ledger: |description=" + Pii.TextMarker + " groceries")]
    [TestCase("Warning Ledger: bad password " + Pii.PasswordMarker + "-abc")]
    public void Should_recognise_planted_personal_data(string line) =>
        PiiScanner.Find(line).Should().NotBeNull();

    [Test]
    public void Should_pass_a_line_of_ids_only() =>
        PiiScanner
            .Find(
                "Information Handled CreateGroup for user 0193a7b2-0000-7000-8000-000000000001: ok in 3.1 ms"
            )
            .Should()
            .BeNull();
}

/// <summary>Shapes of credentials: bearer headers, JWT/JWE, and token, code or secret parameters.</summary>
internal static partial class TokenScanner
{
    /// <summary>The kind of credential found (never the credential itself), or null.</summary>
    public static string? Find(string line) =>
        Patterns().FirstOrDefault(pattern => pattern.Regex.IsMatch(line)).Kind;

    private static (string Kind, Regex Regex)[] Patterns() =>
        [
            ("a bearer token", Bearer()),
            ("a JWT/JWE (token or code)", Jwt()),
            ("a token, code or secret parameter", Parameter()),
            ("a token, code or secret JSON property", JsonProperty()),
        ];

    [GeneratedRegex(@"\bBearer\s+[A-Za-z0-9\-_\.~+/]{16,}", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    // A JWS has three base64url parts, a JWE five; both begin with an encoded '{"'.
    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.")]
    private static partial Regex Jwt();

    [GeneratedRegex(
        @"\b(code|access_token|refresh_token|id_token|client_secret|token)=[A-Za-z0-9\-_\.~%+/]{12,}",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Parameter();

    [GeneratedRegex(
        @"""(access_token|refresh_token|id_token|client_secret|code)""\s*:\s*""[^""]{12,}""",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex JsonProperty();
}

internal static class PiiScanner
{
    public static string? Find(string line) =>
        Pii.Markers.FirstOrDefault(marker =>
            line.Contains(marker, StringComparison.OrdinalIgnoreCase)
        );
}
