using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledger.WebApi.IntegrationTests.Webhooks;

/// <summary>
/// A real HTTP receiver on a loopback port (Kestrel), as a partner would run one: it records
/// every request (path, Standard Webhooks headers, body) and answers with <see cref="Answer"/>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, string baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress.TrimEnd('/');
    }

    public string BaseAddress { get; }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The status code to answer a request with (it may wait, for the request's abort token).</summary>
    public Func<ReceivedWebhook, CancellationToken, Task<int>> Answer { get; set; } =
        (_, _) => Task.FromResult(StatusCodes.Status204NoContent);

    public string Url(string path) => BaseAddress + path;

    public IReadOnlyList<ReceivedWebhook> At(string path) =>
        [.. Received.Where(r => r.Path == path)];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(
            new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory }
        );
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost(
            "/{**path}",
            async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync(context.RequestAborted);
                var headers = new HeaderDictionary();
                foreach (var (name, value) in context.Request.Headers)
                {
                    headers[name] = value;
                }

                var received = new ReceivedWebhook(
                    context.Request.Path.Value ?? "/",
                    headers["webhook-id"].ToString(),
                    headers["webhook-signature"].ToString(),
                    body,
                    headers
                );
                receiver!.Received.Enqueue(received);
                var status = await receiver.Answer(received, context.RequestAborted);
                context.Response.StatusCode = status;
            }
        );
        await app.StartAsync();
        var address = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        receiver = new WebhookReceiver(app, address);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(
    string Path,
    string Id,
    string Signature,
    string Body,
    HeaderDictionary Headers
);
