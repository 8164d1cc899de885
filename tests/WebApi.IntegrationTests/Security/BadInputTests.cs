using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AwesomeAssertions;

namespace Ledger.WebApi.IntegrationTests.Security;

/// <summary>
/// R5 and audit 003 #10: bad input on every documented operation that takes a body answers a
/// problem-details 4xx, never a 5xx, and no answer carries internal detail.
/// </summary>
public sealed class BadInputTests : HttpTest
{
    private static readonly (string Name, string Body, string ContentType)[] BadBodies =
    [
        ("malformed JSON", "{\"name\": ", "application/json"),
        ("an array instead of an object", "[1, 2, 3]", "application/json"),
        ("a literal null", "null", "application/json"),
        (
            "wrong types",
            "{\"name\": 12, \"version\": \"three\", \"maxUses\": \"many\", \"role\": 7}",
            "application/json"
        ),
        (
            "an unknown property",
            "{\"groupId\": \"00000000-0000-0000-0000-000000000001\", \"createdBy\": \"me\"}",
            "application/json"
        ),
        (
            "a lone surrogate and control characters",
            "{\"name\": \"\\ud800\\u0000\\u202e\", \"code\": \"\\udfff\"}",
            "application/json"
        ),
        ("deep nesting", new string('[', 200) + new string(']', 200), "application/json"),
        ("a huge body", "{\"name\": \"" + new string('x', 400_000) + "\"}", "application/json"),
        ("plain text", "name=flat", "text/plain"),
    ];

    /// <summary>Strings that would betray internals: exception types, stack frames, SQL, paths.</summary>
    private static readonly string[] Leaks =
    [
        "Exception",
        "   at ",
        ".cs:line",
        "Npgsql",
        "SELECT ",
        "constraint",
        "/work/",
        "/home/",
        "Ledger.Application",
        "Ledger.Infrastructure",
        "System.",
    ];

    [Test]
    public async Task Should_answer_bad_bodies_with_problem_details_4xx_on_every_operation()
    {
        using var users = await MatrixUsers.SignUpAsync();
        var scenario = await MatrixScenario.CreateAsync(users, Caller.Owner);
        var violations = new List<string>();
        var operations = await OperationsWithBodiesAsync();
        operations
            .Should()
            .Contain([
                "POST /api/v1/groups",
                "PUT /api/v1/groups/{groupId}",
                "POST /api/v1/auth/register",
            ]);

        foreach (var operation in operations)
        {
            var (method, template) = (operation.Split(' ')[0], operation.Split(' ')[1]);
            foreach (var (name, body, contentType) in BadBodies)
            {
                using var request = new HttpRequestMessage(
                    new HttpMethod(method),
                    scenario.PathFor(template)
                )
                {
                    Content = new StringContent(body, Encoding.UTF8, contentType),
                };
                using var response = await scenario.Owner.HttpClient.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var verdict = Judge(
                    (int)response.StatusCode,
                    text,
                    response.Content.Headers.ContentType
                );
                if (verdict is not null)
                {
                    violations.Add($"{operation} with {name}: {verdict}");
                }
            }
        }

        violations.Should().BeEmpty();
    }

    [TestCase("/api/v1/groups/not-a-guid", 404)]
    [TestCase("/api/v1/groups?limit=-1", 400)]
    [TestCase("/api/v1/groups?limit=100000", 400)]
    [TestCase("/api/v1/groups?limit=abc", 400)]
    [TestCase("/api/v1/groups?cursor=bm90LWEtY3Vyc29y", 400)]
    [TestCase("/api/v1/groups?cursor=%00%ff", 400)]
    public async Task Should_answer_bad_paths_and_queries_with_4xx(string path, int expected)
    {
        using var users = await MatrixUsers.SignUpAsync();

        using var response = await users.Owner.HttpClient.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).Should().Be(expected, text);
        Judge((int)response.StatusCode, text, response.Content.Headers.ContentType)
            .Should()
            .BeNull();
    }

    private static string? Judge(int status, string body, MediaTypeHeaderValue? contentType)
    {
        if (status is < 400 or >= 500)
        {
            return $"status {status}: {Truncate(body)}";
        }

        if (Leaks.FirstOrDefault(leak => body.Contains(leak, StringComparison.Ordinal)) is { } leak)
        {
            return $"leaks '{leak}': {Truncate(body)}";
        }

        if (body.Length > 0 && contentType?.MediaType != "application/problem+json")
        {
            return $"answered {contentType?.MediaType} instead of problem details";
        }

        return null;
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;

    private static async Task<List<string>> OperationsWithBodiesAsync()
    {
        using var client = ApiHost.Factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        return document
            .RootElement.GetProperty("paths")
            .EnumerateObject()
            .SelectMany(path =>
                path.Value.EnumerateObject()
                    .Where(operation =>
                        operation.Value.ValueKind == JsonValueKind.Object
                        && operation.Value.TryGetProperty("requestBody", out _)
                    )
                    .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}")
            )
            .ToList();
    }
}
