using System.Text.Json.Nodes;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.OpenApi;

/// <summary>
/// Issue 19 point 1: the served document is the contract. Every operation has a summary, a tag
/// that is described, a security requirement on the OAuth 2.0 scheme (authorization code + PKCE
/// and client credentials), the problem-details answers the pipeline really gives it, and the
/// headers; admin and ops operations stay out of the public document. The same rules hold for
/// any endpoint added later, because they are generated from metadata (ADR 0040).
/// </summary>
public sealed class OpenApiDocumentTests : HttpTest
{
    private static async Task<JsonObject> PublicDocumentAsync()
    {
        using var anonymous = ApiUsers.AnonymousClient();
        var text = await anonymous.GetStringAsync("/openapi/v1.json");
        await File.WriteAllTextAsync(
            Path.Combine(TestEnvironment.LogsDirectory, "openapi-v1.json"),
            text
        );
        return JsonNode.Parse(text)!.AsObject();
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(
        JsonObject document
    ) =>
        document["paths"]!
            .AsObject()
            .SelectMany(path =>
                path.Value!.AsObject()
                    .Where(entry =>
                        entry.Value is JsonObject operation && operation["responses"] is not null
                    )
                    .Select(entry => (path.Key, entry.Key, entry.Value!.AsObject()))
            );

    [Test]
    public async Task Should_declare_the_oauth2_scheme_with_both_flows_and_the_three_scopes()
    {
        var document = await PublicDocumentAsync();

        var scheme = document["components"]!["securitySchemes"]!["oauth2"]!;
        scheme["type"]!.GetValue<string>().Should().Be("oauth2");
        scheme["flows"]!["authorizationCode"]!["authorizationUrl"]!
            .GetValue<string>()
            .Should()
            .Be("/connect/authorize");
        scheme["flows"]!["authorizationCode"]!["tokenUrl"]!
            .GetValue<string>()
            .Should()
            .Be("/connect/token");
        scheme["flows"]!["clientCredentials"]!["scopes"]!
            .AsObject()
            .Select(s => s.Key)
            .Should()
            .BeEquivalentTo(["ledger.read", "ledger.write", "ledger.admin"]);
    }

    [Test]
    public async Task Should_give_every_operation_a_summary_a_described_tag_security_and_its_problem_answers()
    {
        var document = await PublicDocumentAsync();
        var described = document["tags"]!
            .AsArray()
            .Where(t => !string.IsNullOrWhiteSpace((string?)t!["description"]))
            .Select(t => (string)t!["name"]!)
            .ToHashSet();

        var operations = Operations(document).ToList();
        operations.Should().HaveCountGreaterThan(60);
        foreach (var (path, method, operation) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            ((string?)operation["summary"]).Should().NotBeNullOrWhiteSpace(name);
            ((string?)operation["operationId"]).Should().NotBeNullOrWhiteSpace(name);
            operation["tags"]!.AsArray().Should().ContainSingle(name);
            described.Should().Contain((string)operation["tags"]![0]!, name);
            operation["security"].Should().NotBeNull(name);
            var responses = operation["responses"]!.AsObject();
            var secured = operation["security"]!.AsArray().Count > 0;
            if (secured)
            {
                ProblemRef(responses, "401").Should().Be("Problem", name);
            }

            if (responses.ContainsKey("429"))
            {
                responses["429"]!["headers"]!["Retry-After"].Should().NotBeNull(name);
            }

            if (method != "get")
            {
                ProblemRef(responses, "409").Should().Be("ConflictProblem", name);
            }
        }

        operations.Should().Contain(o => o.Operation["responses"]!["429"] != null);
        operations
            .Where(o => o.Path.StartsWith("/api/v1/auth/", StringComparison.Ordinal))
            .Should()
            .OnlyContain(o => o.Operation["security"]!.AsArray().Count == 0);
        operations
            .Should()
            .NotContain(o =>
                o.Path.StartsWith("/api/v1/admin", StringComparison.Ordinal)
                || o.Path.StartsWith("/api/v1/ops", StringComparison.Ordinal)
            );
    }

    [Test]
    public async Task Should_document_versioned_updates_and_idempotent_creates_from_their_metadata()
    {
        var document = await PublicDocumentAsync();
        var operations = Operations(document)
            .ToDictionary(o => (string)o.Operation["operationId"]!);

        var update = operations["UpdateExpense"].Operation;
        var updateResponses = update["responses"]!.AsObject();
        ProblemRef(updateResponses, "412").Should().Be("VersionProblem");
        updateResponses["412"]!["headers"]!["ETag"].Should().NotBeNull();
        ProblemRef(updateResponses, "428").Should().Be("Problem");
        updateResponses["200"]!["headers"]!["ETag"].Should().NotBeNull();
        ParameterRefs(update).Should().Contain("If-Match");

        var create = operations["CreateExpense"].Operation;
        var createResponses = create["responses"]!.AsObject();
        ProblemRef(createResponses, "422").Should().Be("Problem");
        ProblemRef(createResponses, "400").Should().Be("ValidationProblem");
        createResponses["201"]!["headers"]!["Idempotent-Replayed"].Should().NotBeNull();
        ParameterRefs(create).Should().Contain("Idempotency-Key");
        ParameterRefs(create).Should().NotContain("If-Match");

        // A DELETE of a versioned resource needs the version too (If-Match only).
        ParameterRefs(operations["RemoveListItem"].Operation).Should().Contain("If-Match");
        operations["ListExpenses"].Operation["responses"]!["412"].Should().BeNull();

        // Both declared answers of the export are documented, each with its own schema.
        operations["ExportGroup"].Operation["responses"]!["200"]!["content"]!
            .AsObject()
            .Select(c => c.Key)
            .Should()
            .BeEquivalentTo(["application/json", "text/csv"]);

        // Money amounts carry an example, and travel as strings.
        var total = document["components"]!["schemas"]!["ExpenseDto"]!["properties"]!["total"]!;
        total["examples"]![0]!.GetValue<string>().Should().Be("12.50");
    }

    private static string? ProblemRef(JsonObject responses, string status) =>
        (
            (string?)responses[status]?["content"]?["application/problem+json"]?["schema"]?["$ref"]
        )?.Split('/')[^1];

    private static IEnumerable<string> ParameterRefs(JsonObject operation) =>
        (operation["parameters"]?.AsArray() ?? [])
            .Select(p => (string?)p!["$ref"] ?? (string?)p["name"])
            .OfType<string>()
            .Select(r => r.Split('/')[^1]);
}
