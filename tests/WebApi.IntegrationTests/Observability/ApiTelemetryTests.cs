using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;

namespace Ledger.WebApi.IntegrationTests.Observability;

/// <summary>
/// Issue 19 points 3 and 4 on the API as a process: outside Development its console carries one
/// JSON object per line whose scopes hold the request's trace and span id, route template and
/// caller; with an OTLP endpoint configured it exports the request's span (same trace id) and
/// the metrics, ASP.NET Core's and the <c>Ledger</c> meter's, to that collector.
/// </summary>
public sealed class ApiTelemetryTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string Route = "/api/v1/auth/password-resets";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Should_log_json_lines_with_the_trace_id_and_export_the_span_and_metrics_by_otlp()
    {
        using var collector = new OtlpReceiver();
        await using var api = await ApiProcess.StartAsync(
            "Testing",
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Ledger"] = ApiHost.Database.ConnectionString,
                ["ConnectionStrings__Redis"] = TestEnvironment.RedisConnectionString,
                ["OpenTelemetry__Otlp__Endpoint"] = collector.Endpoint,
                ["OpenTelemetry__Otlp__Protocol"] = "http/protobuf",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            }
        );
        using var client = new HttpClient { BaseAddress = api.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = JsonContent.Create(new { email = Pii.Email() }),
        };
        request.Headers.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        JsonElement? line = null;
        (
            await Eventually.HoldsAsync(
                () => Task.FromResult((line = HandledLine(api)) is not null),
                Wait
            )
        )
            .Should()
            .BeTrue("the request's 'Handled' line appears on the console as JSON");
        var json = line!.Value;
        json.GetProperty("Timestamp").GetString().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT.*Z$");
        json.GetProperty("LogLevel").GetString().Should().Be("Information");
        json.GetProperty("State")
            .GetProperty("{OriginalFormat}")
            .GetString()
            .Should()
            .StartWith("Handled {MessageType}");
        var scopes = json.GetProperty("Scopes").EnumerateArray().ToList();
        scopes.Should().Contain(s => Value(s, "TraceId") == TraceId);
        scopes.Should().Contain(s => (Value(s, "SpanId") ?? "").Length == 16);
        scopes.Should().Contain(s => Value(s, "Route") == Route);

        var traceIdBytes = Convert.FromHexString(TraceId);
        (
            await Eventually.HoldsAsync(
                () =>
                    Task.FromResult(
                        collector.Received("/v1/traces", traceIdBytes, Bytes(Route))
                            && collector.Received(
                                "/v1/metrics",
                                "ledger.commands.handled",
                                "RequestPasswordReset"
                            )
                            && collector.Received("/v1/metrics", "http.server.request.duration")
                    ),
                Wait
            )
        )
            .Should()
            .BeTrue("the request's span and the metrics reach the OTLP collector");
    }

    private static JsonElement? HandledLine(ApiProcess api)
    {
        foreach (var text in api.Output.Where(l => l.StartsWith('{') && l.Contains(TraceId)))
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.GetProperty("Message").GetString()?.StartsWith("Handled ") == true)
            {
                return root.Clone();
            }
        }

        return null;
    }

    private static string? Value(JsonElement scope, string name) =>
        scope.ValueKind == JsonValueKind.Object
        && scope.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
