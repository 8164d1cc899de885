using System.Collections.Concurrent;
using Ledger.WebApi.IntegrationTests.Support;
using Microsoft.Playwright;

namespace Ledger.WebApi.IntegrationTests.HeadlessBrowser;

/// <summary>
/// A browser tab of the first-party web client. Its redirect URI is no server: the browser's
/// request for it is answered here and kept in <see cref="Callbacks"/>, where the test finds the
/// code (or finds that none came).
/// </summary>
public sealed class ClientInBrowser : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<Uri> _callbacks = new();

    private ClientInBrowser(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Every request the browser made to the redirect URI, in order.</summary>
    public IReadOnlyCollection<Uri> Callbacks => _callbacks;

    public static async Task<ClientInBrowser> OpenAsync(bool javaScriptEnabled)
    {
        var context = await BrowserHost.NewContextAsync(javaScriptEnabled);
        var client = new ClientInBrowser(context, await context.NewPageAsync());
        await context.RouteAsync(IsRedirectUri, client.AnswerCallbackAsync);
        return client;
    }

    public static bool IsRedirectUri(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.GetLeftPart(UriPartial.Path) == TestOAuthClient.RedirectUri;

    private Task AnswerCallbackAsync(IRoute route)
    {
        _callbacks.Enqueue(new Uri(route.Request.Url));
        return route.FulfillAsync(
            new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "text/html",
                Body = "<!doctype html><title>Client</title><p>Signed in.</p>",
            }
        );
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
