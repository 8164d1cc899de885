using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using NUnit.Framework.Interfaces;

[assembly: Ledger.WebApi.IntegrationTests.OpenApi.ResponseConformance]

namespace Ledger.WebApi.IntegrationTests.OpenApi;

/// <summary>
/// Issue 19 point 2: every response the HTTP tests see is checked against the served OpenAPI
/// document, for its operation (by operationId, which is the endpoint's name) and its status:
/// the status must be documented, and a JSON body must match the documented schema of its media
/// type (validated by JsonSchema.Net, JSON Schema 2020-12, as OpenAPI 3.1 defines). Each app host
/// of the run records what it answered (<see cref="Register"/>); after each test the responses it
/// caused are checked, and a response that breaks the contract fails that test, naming the
/// operation, the status and the schema error; a documented ETag must be sent. Responses without an operation (no route, the
/// login page, the token endpoint) are not in the document and are not checked.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ResponseConformanceAttribute : Attribute, ITestAction
{
    /// <summary>Bodies larger than this are checked for their status only.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    private static readonly ConcurrentQueue<Recorded> Responses = new();
    private static readonly ConcurrentDictionary<string, JsonSchema?> Schemas = new();
    private static readonly Lock DocumentLock = new();
    private static Dictionary<string, JsonObject>? _operations;
    private static JsonObject? _components;

    /// <summary>How many responses were checked in this run (for the report).</summary>
    public static int Checked => _checked;

    private static int _checked;

    public ActionTargets Targets => ActionTargets.Test;

    public void BeforeTest(ITest test) { }

    public void AfterTest(ITest test)
    {
        var violations = new List<string>();
        while (Responses.TryDequeue(out var response))
        {
            if (Check(response) is { } violation)
            {
                violations.Add(violation);
            }
        }

        if (violations.Count > 0)
        {
            Assert.Fail(
                "Responses that break the OpenAPI contract:\n"
                    + string.Join("\n", violations.Distinct())
            );
        }
    }

    /// <summary>Makes this host record every response it gives, for the check after each test.</summary>
    public static void Register(IWebHostBuilder builder) =>
        builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new RecordingStartupFilter())
        );

    internal sealed record Recorded(
        string OperationId,
        string Method,
        string Path,
        int Status,
        string? MediaType,
        byte[]? Body,
        string? ETag = null
    );

    internal static string? Check(Recorded response)
    {
        var operations = Operations();
        var where =
            $"{response.Method} {response.Path} ({response.OperationId}) → {response.Status}";
        if (!operations.TryGetValue(response.OperationId, out var operation))
        {
            return null;
        }

        Interlocked.Increment(ref _checked);
        var status = response.Status.ToString(CultureInfo.InvariantCulture);
        if (operation["responses"]?[status] is not JsonObject documented)
        {
            return $"{where}: status not documented";
        }

        // A documented ETag (a versioned answer, ADR 0040) must be sent (ADR 0061: one filter sets it).
        if (
            response.Status is >= 200 and < 300
            && documented["headers"]?["ETag"] is not null
            && response.ETag is null
        )
        {
            return $"{where}: the ETag is documented but was not sent";
        }

        if (response.Body is not { Length: > 0 } body || response.MediaType is not { } mediaType)
        {
            return null;
        }

        if (documented["content"] is not JsonObject content || content.Count == 0)
        {
            // Documented without a body (a file download, say): nothing to validate it against.
            return null;
        }

        if (!mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return content.ContainsKey(mediaType) ? null : $"{where}: {mediaType} not documented";
        }

        if (content[mediaType]?["schema"] is not JsonNode schemaNode)
        {
            return $"{where}: {mediaType} not documented (documented: {string.Join(", ", content.Select(c => c.Key))})";
        }

        var schema = Schemas.GetOrAdd(
            $"{response.OperationId} {status} {mediaType}",
            key => Build(key, schemaNode)
        );
        if (schema is null)
        {
            return null;
        }

        JsonDocument instance;
        try
        {
            instance = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return $"{where}: the body is not JSON";
        }

        using (instance)
        {
            var result = schema.Evaluate(
                instance.RootElement,
                new EvaluationOptions { OutputFormat = OutputFormat.List }
            );
            if (result.IsValid)
            {
                return null;
            }

            var errors = (result.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d =>
                    d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} [{d.EvaluationPath}]")
                )
                .Take(5);
            var sample = Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)));
            return $"{where}: {string.Join("; ", errors)}\n    body: {sample}";
        }
    }

    /// <summary>The response schema as a standalone JSON Schema, with the components as its $defs.</summary>
    private static JsonSchema Build(string key, JsonNode schema)
    {
        const string components = "#/components/schemas/";
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = JsonNode.Parse(
                _components!
                    .ToJsonString()
                    .Replace(components, "#/$defs/", StringComparison.Ordinal)
            ),
        };
        foreach (
            var (name, value) in JsonNode
                .Parse(
                    schema.ToJsonString().Replace(components, "#/$defs/", StringComparison.Ordinal)
                )!
                .AsObject()
        )
        {
            document[name] = value?.DeepClone();
        }

        return JsonSchema.FromText(
            document.ToJsonString(),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://contract.ledger.test/{Uri.EscapeDataString(key)}")
        );
    }

    /// <summary>Every operation of the public and the admin document, by operationId.</summary>
    private static Dictionary<string, JsonObject> Operations()
    {
        lock (DocumentLock)
        {
            if (_operations is not null)
            {
                return _operations;
            }

            var operations = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            JsonObject? components = null;
            foreach (var name in new[] { "v1", Http.AdminOpenApi.DocumentName })
            {
                var document = Serialize(name);
                components ??= document["components"]?["schemas"]?.AsObject();
                if (name != "v1")
                {
                    // The admin document's schemas join the public ones' (disjoint or equal).
                    foreach (
                        var (schema, value) in document["components"]?["schemas"]?.AsObject() ?? []
                    )
                    {
                        components?.TryAdd(schema, value?.DeepClone());
                    }
                }

                foreach (var (_, item) in document["paths"]!.AsObject())
                {
                    foreach (var (_, value) in item!.AsObject())
                    {
                        if (
                            value is JsonObject operation
                            && (string?)operation["operationId"] is { } id
                        )
                        {
                            operations.TryAdd(id, operation);
                        }
                    }
                }
            }

            _components = components ?? [];
            _operations = operations;
            return operations;
        }
    }

    private static JsonObject Serialize(string documentName)
    {
        var provider = ApiHost.Factory.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(
            documentName
        );
        var document = provider
            .GetOpenApiDocumentAsync(CancellationToken.None)
            .GetAwaiter()
            .GetResult();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return JsonNode.Parse(text.ToString())!.AsObject();
    }

    private sealed class RecordingStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.Use(RecordAsync);
                next(app);
            };

        private static async Task RecordAsync(HttpContext context, RequestDelegate next)
        {
            var original = context.Features.Get<IHttpResponseBodyFeature>()!;
            await using var capture = new CapturingStream(original.Stream, MaxBodyBytes);
            var feature = new StreamResponseBodyFeature(capture, original);
            context.Features.Set<IHttpResponseBodyFeature>(feature);
            try
            {
                await next(context);
                await feature.CompleteAsync();
            }
            finally
            {
                context.Features.Set(original);
            }

            var endpoint =
                context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
            if (
                endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
                is not { } name
            )
            {
                return;
            }

            Responses.Enqueue(
                new Recorded(
                    name,
                    context.Request.Method,
                    context.Request.Path,
                    context.Response.StatusCode,
                    context.Response.ContentType?.Split(';')[0].Trim(),
                    capture.Complete ? capture.Captured : null,
                    context.Response.Headers.ETag is { Count: > 0 } etag ? etag.ToString() : null
                )
            );
        }
    }

    /// <summary>Passes every write through, keeping a copy of the first bytes.</summary>
    private sealed class CapturingStream(Stream inner, int limit) : Stream
    {
        private readonly MemoryStream _copy = new();

        public bool Complete { get; private set; } = true;

        public byte[] Captured => _copy.ToArray();

        private void Keep(ReadOnlySpan<byte> buffer)
        {
            if (!Complete)
            {
                return;
            }

            if (_copy.Length + buffer.Length > limit)
            {
                Complete = false;
                return;
            }

            _copy.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(
            ReadOnlyMemory<byte> buffer,
            CancellationToken cancellationToken = default
        )
        {
            Keep(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(
            byte[] buffer,
            int offset,
            int count,
            CancellationToken cancellationToken
        ) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            inner.FlushAsync(cancellationToken);

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) =>
            throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _copy.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
