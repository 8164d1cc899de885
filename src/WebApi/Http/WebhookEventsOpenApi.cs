using System.Text.Json.Nodes;
using Ledger.Application.Common.Outbox;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ledger.WebApi.Http;

/// <summary>
/// Documents the webhook events (issue 16 #3) in the OpenAPI document's <c>webhooks</c>
/// section (OpenAPI 3.1): one entry per event type of <see cref="OutboxEvents.Catalog"/>, whose
/// request body is the delivery (<c>id</c>, <c>type</c>, <c>version</c>, <c>timestamp</c>,
/// <c>data</c>). docs/webhooks.md explains the fields.
/// </summary>
internal sealed class WebhookEventsOpenApi : IOpenApiDocumentTransformer
{
    private const string ActorSchema = "WebhookActor";

    public Task TransformAsync(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ActorSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Who made the change: a signed-in user or a partner client.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["userId"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String | JsonSchemaType.Null,
                    Format = "uuid",
                },
                ["clientId"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String | JsonSchemaType.Null,
                },
            },
        };

        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var eventType in OutboxEvents.Catalog)
        {
            var schemaName = SchemaName(eventType.Type);
            document.Components.Schemas[schemaName] = Delivery(eventType, document);
            var operation = new OpenApiOperation
            {
                OperationId = "webhook-" + eventType.Type.Replace('.', '-'),
                Summary = eventType.Description,
                Tags = new HashSet<OpenApiTagReference> { new("Webhooks", document) },
                // Ledger calls the receiver; the request is authenticated by its signature
                // (webhook-signature), not by an OAuth token.
                Security = [],
                RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new()
                        {
                            Schema = new OpenApiSchemaReference(schemaName, document),
                        },
                    },
                },
                Responses = new OpenApiResponses
                {
                    ["2XX"] = new OpenApiResponse
                    {
                        Description = "Received; anything else is retried with backoff.",
                    },
                },
            };
            var item = new OpenApiPathItem();
            item.AddOperation(HttpMethod.Post, operation);
            document.Webhooks[eventType.Type] = item;
        }

        return Task.CompletedTask;
    }

    /// <summary><c>expense.created</c> → <c>ExpenseCreatedWebhook</c>.</summary>
    private static string SchemaName(string type) =>
        string.Concat(
            type.Split('.', '-').Select(part => char.ToUpperInvariant(part[0]) + part[1..])
        ) + "Webhook";

    private static OpenApiSchema Delivery(OutboxEventType eventType, OpenApiDocument document)
    {
        var data = new Dictionary<string, IOpenApiSchema>();
        foreach (var field in eventType.Fields)
        {
            data[field] = FieldSchema(field);
        }

        data[OutboxEvents.ActorField] = new OpenApiSchemaReference(ActorSchema, document);
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = eventType.Description,
            Required = new HashSet<string> { "id", "type", "version", "timestamp", "data" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = "uuid",
                    Description = "The event id, also sent as webhook-id: the same on every retry.",
                },
                ["type"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [JsonValue.Create(eventType.Type)],
                },
                ["version"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Enum = [JsonValue.Create(eventType.Version)],
                    Description = "The payload version of this type.",
                },
                ["timestamp"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = "date-time",
                },
                ["data"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string>(
                        eventType.Fields.Append(OutboxEvents.ActorField)
                    ),
                    Properties = data,
                },
            },
        };
    }

    private static OpenApiSchema FieldSchema(string field) =>
        field switch
        {
            "amount" => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Pattern = "^-?[0-9]+(\\.[0-9]+)?$",
                Description = "A decimal string with exactly the currency's minor digits.",
            },
            "currency" => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "ISO 4217 code.",
            },
            "version" => new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Description = "The resource's version after the change.",
            },
            "status" => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [JsonValue.Create("pending"), JsonValue.Create("confirmed")],
            },
            _ => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
        };
}
