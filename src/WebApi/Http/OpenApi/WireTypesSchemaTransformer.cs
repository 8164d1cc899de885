using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ledger.WebApi.Http.OpenApi;

/// <summary>
/// Schemas say what goes over the wire (ADR 0040). Strings read through our text converters
/// (<see cref="TextInput"/>) would otherwise be documented as "anything"; numbers are written as
/// JSON numbers, so they are documented as numbers only (the reader's tolerance for "3" is not
/// part of the contract).
/// </summary>
internal sealed class WireTypesSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(
        OpenApiSchema schema,
        OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(string) && schema.Type is null && schema.OneOf is null)
        {
            var nullable = context.JsonPropertyInfo is { } property && property.IsGetNullable;
            schema.Type = nullable
                ? JsonSchemaType.String | JsonSchemaType.Null
                : JsonSchemaType.String;
        }

        if (
            schema.Type is { } numeric
            && (numeric.HasFlag(JsonSchemaType.Integer) || numeric.HasFlag(JsonSchemaType.Number))
            && numeric.HasFlag(JsonSchemaType.String)
        )
        {
            schema.Type = numeric & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
