using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Vogen;

namespace Ledger.WebApi.Http.OpenApi;

/// <summary>
/// Schemas say what goes over the wire (ADR 0040). Strings read through our text converters
/// (<see cref="TextInput"/>) would otherwise be documented as "anything"; numbers are written as
/// JSON numbers, so they are documented as numbers only (the reader's tolerance for "3" is not
/// part of the contract). Typed ids (ADR 0067) bound from the route or the query are Guids on the
/// wire: <c>type: string, format: uuid</c>, as when the endpoints took <see cref="Guid"/>.
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
        // A parsable parameter type is documented through a string schema: its own type is the
        // parameter's.
        var parameterType = context.JsonPropertyInfo is null
            ? context.ParameterDescription?.Type
            : null;
        if (
            parameterType is not null
            && IsGuidId(Nullable.GetUnderlyingType(parameterType) ?? parameterType)
        )
        {
            schema.Type ??= JsonSchemaType.String;
            schema.Format = "uuid";
            return Task.CompletedTask;
        }

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

    private static bool IsGuidId(Type type) =>
        type.IsValueType && type.IsDefined(typeof(ValueObjectAttribute<Guid>), inherit: false);
}
