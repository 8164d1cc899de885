using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ledger.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Ledger.WebApi.Http.OpenApi;

/// <summary>
/// Applies <see cref="OpenApiContract"/> to every operation of a document: summary, description,
/// tag, security requirement, every 4xx the pipeline can answer with its problem-details schema,
/// and the ETag, If-Match, Idempotency-Key, Idempotent-Replayed and Retry-After headers. All of it
/// is read from the endpoint's metadata (ADR 0040), so endpoints need no OpenAPI code of their own.
/// </summary>
internal sealed partial class OpenApiContractTransformer : IOpenApiDocumentTransformer
{
    public const string Problem = "Problem";
    public const string ValidationProblem = "ValidationProblem";
    public const string ConflictProblem = "ConflictProblem";
    public const string VersionProblem = "VersionProblem";
    public const string RateLimitProblem = "RateLimitProblem";

    private const string ETag = "ETag";
    private const string RetryAfter = "Retry-After";
    private const string IfMatch = "If-Match";

    public async Task TransformAsync(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        document.Components ??= new OpenApiComponents();
        AddComponents(document);
        var operations = Operations(document);
        foreach (var description in context.DescriptionGroups.SelectMany(g => g.Items))
        {
            if (
                description.HttpMethod is not { } method
                || description.RelativePath is not { } relativePath
                || !operations.TryGetValue((Normalize(relativePath), method), out var operation)
            )
            {
                continue;
            }

            var endpoint = new Endpoint(description, method, Normalize(relativePath));
            await AddDeclaredMediaTypesAsync(operation, endpoint, context, cancellationToken);
            Apply(document, operation, endpoint);
        }

        DescribeTags(document);
        AddMoneyExamples(document);
        foreach (var schema in document.Components.Schemas?.Values ?? [])
        {
            NullableAsAnyOf(schema, []);
        }
    }

    /// <summary>What the pipeline does to one endpoint, read from its metadata.</summary>
    private sealed class Endpoint(ApiDescription description, string method, string path)
    {
        public IList<object> Metadata => description.ActionDescriptor.EndpointMetadata;

        public string Method { get; } = method.ToUpperInvariant();
        public string Path { get; } = path;

        public string? Name =>
            Metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;

        public bool Anonymous => Metadata.OfType<IAllowAnonymous>().Any();

        public bool Admin => AdminOpenApi.IsAdminOperation(description);

        public bool InGroup => Path.Contains("{groupId}", StringComparison.Ordinal);

        public bool IsRead => Method is "GET" or "HEAD";

        public bool Idempotent => Metadata.OfType<IdempotencyKeyMetadata>().Any();

        public bool RateLimited =>
            !Metadata.OfType<DisableRateLimitingAttribute>().Any()
            && !Path.StartsWith("/health", StringComparison.Ordinal);

        public string RateLimitPolicy =>
            Metadata.OfType<EnableRateLimitingAttribute>().LastOrDefault()?.PolicyName
            ?? RateLimitPolicies.Default;

        private IEnumerable<ApiParameterDescription> Parameters =>
            description.ParameterDescriptions;

        public Type? BodyType =>
            Parameters.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;

        public bool HasBody =>
            Parameters.Any(p =>
                p.Source == BindingSource.Body
                || p.Source == BindingSource.Form
                || p.Source == BindingSource.FormFile
            );

        public bool HasQuery => Parameters.Any(p => p.Source == BindingSource.Query);

        public bool HasRouteValues => Parameters.Any(p => p.Source == BindingSource.Path);

        private Type? SuccessType =>
            description
                .SupportedResponseTypes.Where(r => r.StatusCode is >= 200 and < 300)
                .Select(r => r.Type)
                .FirstOrDefault(t => t is not null && t != typeof(void));

        /// <summary>The answer is one versioned resource: its ETag is its version.</summary>
        public bool ReturnsVersioned => HasVersion(SuccessType);

        /// <summary>
        /// The request names the version it read (If-Match, or <c>version</c> in the body): a body
        /// with a version, or a DELETE of a versioned resource. Stale is 412 (If-Match) or 409
        /// (body), missing is 428.
        /// </summary>
        public bool NeedsVersion =>
            !IsRead && (HasVersion(BodyType) || (Method == "DELETE" && ReturnsVersioned));

        private static bool HasVersion(Type? type) =>
            type?.GetProperty("Version", BindingFlags.Public | BindingFlags.Instance)?.PropertyType
                is { } property
            && (property == typeof(int) || property == typeof(int?));
    }

    /// <summary>
    /// Every media type an endpoint declares (<c>.Produces&lt;T&gt;(status, contentType)</c>) is in
    /// the document, each with its own schema: API Explorer keeps one per status (an export's
    /// JSON and CSV answers, say).
    /// </summary>
    private static async Task AddDeclaredMediaTypesAsync(
        OpenApiOperation operation,
        Endpoint endpoint,
        OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        foreach (
            var produces in endpoint.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>()
        )
        {
            var status = produces.StatusCode.ToString(
                System.Globalization.CultureInfo.InvariantCulture
            );
            if (
                produces.Type is not { } type
                || type == typeof(void)
                || operation.Responses is null
                || !operation.Responses.TryGetValue(status, out var declared)
                || declared is not OpenApiResponse response
            )
            {
                continue;
            }

            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var contentType in produces.ContentTypes)
            {
                if (!response.Content.ContainsKey(contentType))
                {
                    response.Content[contentType] = new OpenApiMediaType
                    {
                        Schema = await context.GetOrCreateSchemaAsync(
                            type,
                            null,
                            cancellationToken
                        ),
                    };
                }
            }
        }
    }

    private static void Apply(
        OpenApiDocument document,
        OpenApiOperation operation,
        Endpoint endpoint
    )
    {
        operation.Summary ??= OpenApiContract.Summary(
            endpoint.Name,
            endpoint.Method,
            endpoint.Path
        );
        if (endpoint.Name is not null)
        {
            operation.OperationId ??= endpoint.Name;
        }

        operation.Tags ??= new HashSet<OpenApiTagReference>();
        if (operation.Tags.Count == 0)
        {
            operation.Tags.Add(
                new OpenApiTagReference(endpoint.Admin ? "Admin" : "Account", document)
            );
        }

        var notes = new List<string>();
        if (OpenApiContract.Description(endpoint.Name) is { } description)
        {
            notes.Add(description);
        }

        notes.Add(Callers(endpoint));
        operation.Security = Security(document, endpoint);

        operation.Parameters ??= [];
        if (endpoint.NeedsVersion)
        {
            operation.Parameters.Add(new OpenApiParameterReference(IfMatch, document));
            notes.Add(
                "Optimistic concurrency: send the ETag you read in `If-Match` (or the `version` in the body). A stale `If-Match` answers 412 with the current ETag, a stale body version 409; neither is 428."
            );
        }

        if (endpoint.Idempotent)
        {
            operation.Parameters.Add(
                new OpenApiParameterReference(IdempotencyKeyFilter.Header, document)
            );
            notes.Add(
                "Idempotent with `Idempotency-Key`: a retry with the same key and body replays the first answer (marked `Idempotent-Replayed: true`); the same key with another body is 422."
            );
        }

        if (endpoint.RateLimited)
        {
            notes.Add(
                $"Rate limited (policy `{endpoint.RateLimitPolicy}`): over the limit answers 429 with `Retry-After`."
            );
        }

        operation.Description = string.Join("\n\n", notes);
        AddResponses(document, operation, endpoint);
    }

    private static string Callers(Endpoint endpoint) =>
        endpoint.Anonymous ? "**Callers:** anyone; no token."
        : endpoint.Admin
            ? "**Callers:** platform admins only (a user named in `Admin:UserIds`, or a client with `ledger.admin`); 404 to everyone else."
        : endpoint.InGroup
            ? $"**Callers:** members of the group (user token, authorization code + PKCE), or a partner client (client credentials) with `{(endpoint.IsRead ? OpenApiContract.ReadScope : OpenApiContract.WriteScope)}` and a grant on the group. Anyone else gets 404, as if the group did not exist; owner-only operations answer 403 to other members and 404 to partners."
        : "**Callers:** signed-in users (user token, authorization code + PKCE).";

    private static List<OpenApiSecurityRequirement> Security(
        OpenApiDocument document,
        Endpoint endpoint
    )
    {
        if (endpoint.Anonymous)
        {
            return [];
        }

        List<string> scopes =
            endpoint.Admin ? [OpenApiContract.AdminScope]
            : endpoint.InGroup
                ? [endpoint.IsRead ? OpenApiContract.ReadScope : OpenApiContract.WriteScope]
            : [];
        return
        [
            new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(OpenApiContract.SecurityScheme, document)] =
                    scopes,
            },
        ];
    }

    private static void AddResponses(
        OpenApiDocument document,
        OpenApiOperation operation,
        Endpoint endpoint
    )
    {
        operation.Responses ??= [];
        foreach (var (status, response) in operation.Responses)
        {
            if (!status.StartsWith('2') || response is not OpenApiResponse success)
            {
                continue;
            }

            if (endpoint.ReturnsVersioned)
            {
                AddHeader(success, ETag, document);
            }

            if (endpoint.Idempotent)
            {
                AddHeader(success, IdempotencyKeyFilter.ReplayedHeader, document);
            }
        }

        void Add(int status, string description, string schema, params string[] headers)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                return;
            }

            var response = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new()
                    {
                        Schema = new OpenApiSchemaReference(schema, document),
                    },
                },
            };
            foreach (var header in headers)
            {
                AddHeader(response, header, document);
            }

            operation.Responses[key] = response;
        }

        if (endpoint.HasBody || endpoint.HasQuery || endpoint.Idempotent || endpoint.HasRouteValues)
        {
            Add(
                400,
                "The request is invalid: `errors` names each field to fix (by its JSON name) when the fault is in fields.",
                ValidationProblem
            );
        }

        if (!endpoint.Anonymous)
        {
            Add(401, "No valid access token.", Problem);
        }

        if (!endpoint.Anonymous && !endpoint.Admin && endpoint.InGroup)
        {
            Add(
                403,
                "A member of the group without the role this needs (owner-only operations).",
                Problem
            );
        }

        if (!endpoint.Anonymous)
        {
            Add(
                404,
                "Not found, or not visible to this caller (the two are not told apart); also a caller who may not use this operation at all, such as a partner on a user-only one.",
                Problem
            );
        }

        if (!endpoint.IsRead)
        {
            Add(
                409,
                "The request conflicts with the current state: `code` says which rule (a stale body `version` carries `currentVersion`).",
                ConflictProblem,
                endpoint.NeedsVersion ? [ETag] : []
            );
        }

        if (endpoint.NeedsVersion)
        {
            Add(
                412,
                "If-Match named a version that is no longer current: the response's ETag is the current one.",
                VersionProblem,
                ETag
            );
        }

        if (endpoint.HasBody)
        {
            Add(413, "The request body is too large.", Problem);
            Add(415, "The request body's content type is not accepted.", Problem);
        }

        if (endpoint.HasQuery)
        {
            Add(414, "The URL (its query) is too long.", Problem);
        }

        if (endpoint.Idempotent)
        {
            Add(422, "The Idempotency-Key was used for another request.", Problem);
        }

        if (endpoint.NeedsVersion)
        {
            Add(428, "Neither If-Match nor a body `version` was sent.", Problem);
        }

        if (endpoint.RateLimited)
        {
            Add(
                429,
                "Too many requests: retry after `Retry-After` seconds.",
                RateLimitProblem,
                RetryAfter
            );
        }

        Add(
            503,
            "The service is briefly unavailable; nothing was changed, retry after `Retry-After` seconds.",
            Problem,
            RetryAfter
        );
    }

    private static void AddHeader(OpenApiResponse response, string name, OpenApiDocument document)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers.TryAdd(name, new OpenApiHeaderReference(name, document));
    }

    private static void AddComponents(OpenApiDocument document)
    {
        var components = document.Components!;
        components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        components.SecuritySchemes[OpenApiContract.SecurityScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description =
                "Users sign in with the authorization code flow and PKCE (S256) at `/connect/authorize` and get tokens at `/connect/token`. Partner clients use the client credentials flow at `/connect/token` with the scopes they were given; a scope only opens a group that granted it (see Integrations).",
            Flows = new OpenApiOAuthFlows
            {
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    RefreshUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string>
                    {
                        ["openid"] = "The user's identity.",
                        ["offline_access"] = "A refresh token.",
                    },
                },
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string>
                    {
                        [OpenApiContract.ReadScope] = "Read the groups that granted it.",
                        [OpenApiContract.WriteScope] = "Write in the groups that granted it.",
                        [OpenApiContract.AdminScope] = "Administer partner clients and jobs.",
                    },
                },
            },
        };

        components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        components.Schemas[Problem] = ProblemSchema("An RFC 9457 problem.", []);
        components.Schemas[ValidationProblem] = ProblemSchema(
            "A 400: the request could not be read or breaks a rule; `errors` names the fields.",
            [
                (
                    "errors",
                    new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description =
                            "Messages by field, the field named as in JSON (\"payers[0].amount\").",
                        AdditionalProperties = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Array,
                            Items = new OpenApiSchema { Type = JsonSchemaType.String },
                        },
                    }
                ),
                (
                    "code",
                    new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "The rule broken, when one is.",
                    }
                ),
            ]
        );
        components.Schemas[ConflictProblem] = ProblemSchema(
            "A 409: the request conflicts with the current state.",
            [
                (
                    "code",
                    new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "Which rule, stable for clients to branch on.",
                    }
                ),
                (
                    "currentVersion",
                    new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer,
                        Format = "int32",
                        Description = "With a stale body version: the current one.",
                    }
                ),
            ]
        );
        components.Schemas[VersionProblem] = ProblemSchema(
            "A 412: the version named in If-Match is stale.",
            [
                (
                    "currentVersion",
                    new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" }
                ),
            ],
            "currentVersion"
        );
        components.Schemas[RateLimitProblem] = ProblemSchema(
            "A 429: the rate limit was reached.",
            []
        );

        components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        components.Headers[ETag] = new OpenApiHeader
        {
            Description =
                "The resource's version as an entity tag, such as \"3\": send it back in If-Match.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = JsonValue.Create("\"3\""),
        };
        components.Headers[RetryAfter] = new OpenApiHeader
        {
            Description = "Seconds to wait before retrying.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
        };
        components.Headers[IdempotencyKeyFilter.ReplayedHeader] = new OpenApiHeader
        {
            Description =
                "`true` when this answer replays the first answer to the same Idempotency-Key.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [JsonValue.Create("true")],
            },
        };

        components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
        components.Parameters[IfMatch] = new OpenApiParameter
        {
            Name = IfMatch,
            In = ParameterLocation.Header,
            Required = false,
            Description = "The ETag you read, such as \"3\" (or send `version` in the body).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = JsonValue.Create("\"3\""),
        };
        components.Parameters[IdempotencyKeyFilter.Header] = new OpenApiParameter
        {
            Name = IdempotencyKeyFilter.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description =
                "A key you choose per logical request (1 to 255 visible ASCII characters); a retry with it replays the first answer.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MinLength = 1,
                MaxLength = Ledger.Domain.Operations.IdempotencyRecord.KeyMaxLength,
            },
            Example = JsonValue.Create("3f1c2a9e-7d4b-4f0e-9a51-0c6b2d8e4f17"),
        };
    }

    private static OpenApiSchema ProblemSchema(
        string description,
        (string Name, OpenApiSchema Schema)[] extra,
        params string[] required
    )
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = description,
            Required = new HashSet<string>(["type", "title", "status", .. required]),
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "A URI naming the kind of problem.",
                },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String | JsonSchemaType.Null,
                },
                ["traceId"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "Quote it when you report a problem.",
                },
            },
        };
        foreach (var (name, property) in extra)
        {
            schema.Properties[name] = property;
        }

        return schema;
    }

    private static void DescribeTags(OpenApiDocument document)
    {
        var used = document
            .Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(
            used.Order(StringComparer.Ordinal)
                .Select(name => new OpenApiTag
                {
                    Name = name,
                    Description = OpenApiContract.Tags.TryGetValue(name, out var text)
                        ? text
                        : $"Operations on {name.ToLowerInvariant()}.",
                })
        );
    }

    /// <summary>
    /// A nullable reference is generated as <c>oneOf: [null, $ref]</c>, but a nullable enum's own
    /// schema lists null too, so null would match both branches and fail <c>oneOf</c>: the two
    /// are alternatives that may overlap, which is <c>anyOf</c>.
    /// </summary>
    private static void NullableAsAnyOf(IOpenApiSchema schema, HashSet<OpenApiSchema> seen)
    {
        if (schema is not OpenApiSchema node || !seen.Add(node))
        {
            return;
        }

        if (
            node.OneOf is { Count: 2 } oneOf
            && oneOf.Any(b => b is OpenApiSchema { Type: JsonSchemaType.Null })
        )
        {
            node.AnyOf = oneOf;
            node.OneOf = null;
        }

        IEnumerable<IOpenApiSchema?> children =
        [
            .. node.Properties?.Values ?? [],
            node.Items,
            node.AdditionalProperties,
            .. node.AllOf ?? [],
            .. node.AnyOf ?? [],
            .. node.OneOf ?? [],
        ];
        foreach (var child in children.OfType<IOpenApiSchema>())
        {
            NullableAsAnyOf(child, seen);
        }
    }

    /// <summary>Money travels as decimal strings; each such property shows one.</summary>
    private static void AddMoneyExamples(OpenApiDocument document)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            foreach (
                var (name, property) in schema.Properties
                    ?? new Dictionary<string, IOpenApiSchema>()
            )
            {
                if (
                    property is OpenApiSchema money
                    && money.Type is { } type
                    && type.HasFlag(JsonSchemaType.String)
                    && OpenApiContract.MoneyProperty().IsMatch(name)
                )
                {
                    money.Examples ??= [JsonValue.Create(OpenApiContract.MoneyExample)];
                    money.Description ??=
                        "A money amount: a decimal string in the currency's decimals, never a JSON number.";
                }
            }
        }
    }

    private static Dictionary<(string Path, string Method), OpenApiOperation> Operations(
        OpenApiDocument document
    )
    {
        var operations = new Dictionary<(string, string), OpenApiOperation>();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operations[(Normalize(path), method.Method.ToUpperInvariant())] = operation;
            }
        }

        return operations;
    }

    /// <summary>"api/v1/groups/{groupId:guid}/" and "/api/v1/groups/{groupId}" are the same path.</summary>
    private static string Normalize(string path) =>
        "/" + RouteParameter().Replace(path, "{$1}").Trim('/');

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}

/// <summary>Endpoint metadata: the endpoint honours an <c>Idempotency-Key</c> (read by the OpenAPI contract).</summary>
public sealed class IdempotencyKeyMetadata;
