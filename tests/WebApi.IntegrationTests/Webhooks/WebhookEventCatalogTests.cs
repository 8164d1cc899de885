using System.Text.Json;
using AwesomeAssertions;
using Ledger.Application.Common.Outbox;
using Ledger.TestSupport;

namespace Ledger.WebApi.IntegrationTests.Webhooks;

/// <summary>
/// Every event type partners can receive is documented: in the OpenAPI document's webhooks
/// section (the delivery body's schema with the payload's fields) and in docs/webhooks.md.
/// </summary>
public sealed class WebhookEventCatalogTests
{
    [Test]
    public async Task Should_document_every_event_type_and_its_payload_in_openapi_and_the_partner_docs()
    {
        using var client = ApiHost.Factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var webhooks = document.RootElement.GetProperty("webhooks");
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var docs = await File.ReadAllTextAsync(
            Path.Combine(TestEnvironment.RepositoryRoot(), "docs", "webhooks.md")
        );

        webhooks
            .EnumerateObject()
            .Select(w => w.Name)
            .Should()
            .BeEquivalentTo(OutboxEvents.Catalog.Select(t => t.Type));
        foreach (var eventType in OutboxEvents.Catalog)
        {
            var reference = webhooks
                .GetProperty(eventType.Type)
                .GetProperty("post")
                .GetProperty("requestBody")
                .GetProperty("content")
                .GetProperty("application/json")
                .GetProperty("schema")
                .GetProperty("$ref")
                .GetString()!;
            var data = schemas
                .GetProperty(reference.Split('/')[^1])
                .GetProperty("properties")
                .GetProperty("data")
                .GetProperty("properties");
            data.EnumerateObject()
                .Select(p => p.Name)
                .Should()
                .BeEquivalentTo(eventType.Fields.Append(OutboxEvents.ActorField), eventType.Type);
            docs.Should().Contain($"| `{eventType.Type}` | {eventType.Version} |");
            foreach (var field in eventType.Fields)
            {
                docs.Should().Contain($"`{field}`");
            }
        }
    }
}
