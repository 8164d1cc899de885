using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ledger.WebApi.Http;

/// <summary>
/// Titles the OpenAPI document; no version or environment details (docs/requirements.md A15). The contract
/// itself (security, answers, headers) is added by <see cref="OpenApi.OpenApiContractTransformer"/>.
/// </summary>
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
        // The server the document was read from, without the trailing slash that would double
        // every path's leading one.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        return Task.CompletedTask;
    }
}
