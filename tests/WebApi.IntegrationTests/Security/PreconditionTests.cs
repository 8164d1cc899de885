using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;

namespace Ledger.WebApi.IntegrationTests.Security;

/// <summary>
/// Issue 20 item 13, one test over every mutating operation the OpenAPI document gives a
/// <c>version</c> in its body: the version in <c>If-Match</c> alone works (the body leaves the
/// property out entirely), and neither answers 428. Calls are those of the authorization matrix
/// (its rows know each operation's permitted caller, body and preparation).
/// </summary>
public sealed class PreconditionTests : HttpTest
{
    [Test]
    public async Task Should_take_if_match_alone_and_answer_428_without_any_version()
    {
        var versioned = await VersionedOperationsAsync();
        versioned.Should().HaveCountGreaterThan(15);
        using var users = await MatrixUsers.SignUpAsync();
        var failures = new List<string>();

        foreach (var operation in versioned)
        {
            var row = AuthorizationMatrixRows.All.Single(r => r.Operation == operation);
            var caller = row.Allowed.First(c => c is Caller.Owner or Caller.Member);

            var withIfMatch = await SendAsync(users, row, caller, ifMatch: true);
            if ((int)withIfMatch.Status is < 200 or >= 300)
            {
                failures.Add(
                    $"{operation} with If-Match only: {(int)withIfMatch.Status} {withIfMatch.Body}"
                );
            }

            var without = await SendAsync(users, row, caller, ifMatch: false);
            if ((int)without.Status != 428)
            {
                failures.Add(
                    $"{operation} without a version: {(int)without.Status} {without.Body}"
                );
            }
        }

        failures.Should().BeEmpty();
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(
        MatrixUsers users,
        MatrixRow row,
        Caller caller,
        bool ifMatch
    )
    {
        var scenario = await MatrixScenario.CreateAsync(users, caller);
        if (row.Prepare is not null)
        {
            await row.Prepare(scenario);
        }

        var body = row.Body is null
            ? new JsonObject()
            : JsonSerializer.SerializeToNode(row.Body(scenario))!.AsObject();
        var version = body["version"]?.GetValue<int>();
        body.Remove("version");
        var space = row.Operation.IndexOf(' ', StringComparison.Ordinal);
        using var request = new HttpRequestMessage(
            new HttpMethod(row.Operation[..space]),
            scenario.PathFor(row.Operation[(space + 1)..])
        )
        {
            Content = JsonContent.Create(body),
        };
        if (ifMatch)
        {
            request.Headers.TryAddWithoutValidation(
                "If-Match",
                row.IfMatch
                    ?? $"\"{version ?? throw new InvalidOperationException($"{row.Operation}: the row names no version")}\""
            );
        }

        using var response = await scenario.ClientFor(caller).SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>"METHOD /path" of every operation whose JSON body has a version property.</summary>
    private static async Task<List<string>> VersionedOperationsAsync()
    {
        using var client = ApiHost.Factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var schemas = root.GetProperty("components").GetProperty("schemas");
        var versioned = new List<string>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (
                    operation.Name is "post" or "put" or "patch" or "delete"
                    && operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody
                        .GetProperty("content")
                        .TryGetProperty("application/json", out var json)
                    && HasVersion(json.GetProperty("schema"), schemas)
                )
                {
                    versioned.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
                }
            }
        }

        return versioned;
    }

    private static bool HasVersion(JsonElement schema, JsonElement schemas)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        if (
            schema.TryGetProperty("oneOf", out var oneOf)
            || schema.TryGetProperty("anyOf", out oneOf)
        )
        {
            return oneOf.EnumerateArray().Any(s => HasVersion(s, schemas));
        }

        return schema.TryGetProperty("properties", out var properties)
            && properties.TryGetProperty("version", out _);
    }
}
