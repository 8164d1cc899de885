using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ledger.WebApi.Http;

/// <summary>Titles the OpenAPI document; no version or environment details (docs/requirements.md A15).</summary>
internal sealed class LedgerOpenApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        document.Info = new OpenApiInfo
        {
            Title = "Ledger API",
            Version = "v1",
            Description = "Shared-household expenses, settlements, lists and chores.",
        };
        return Task.CompletedTask;
    }
}
