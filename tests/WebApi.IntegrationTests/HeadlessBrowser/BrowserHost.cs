using Microsoft.Playwright;

namespace Ledger.WebApi.IntegrationTests.HeadlessBrowser;

/// <summary>
/// What the browser tests need beside <see cref="ApiHost"/>: the same app served by Kestrel on
/// a loopback port (a browser cannot reach the in-memory test server), on the same database,
/// and one headless Chromium, Debian's, driven by Playwright. Each test opens its own browser
/// context, so cookies never carry over from one test to the next.
/// </summary>
[SetUpFixture]
public sealed class BrowserHost
{
    /// <summary>Installed by the build tool (apt); Playwright's own browser download is never used.</summary>
    private const string DefaultChromium = "/usr/bin/chromium";

    private static LedgerApiFactory? _api;
    private static IPlaywright? _playwright;
    private static IBrowser? _chromium;

    private static LedgerApiFactory Api =>
        _api ?? throw new InvalidOperationException("Not set up.");

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234/.</summary>
    public static Uri Address =>
        Api.ClientOptions.BaseAddress is { Port: > 0 } address
            ? address
            : throw new InvalidOperationException("Kestrel reported no address.");

    /// <summary>A plain HTTP client (the client application's back channel) to the same server.</summary>
    public static HttpClient CreateHttpClient() => new() { BaseAddress = Address };

    public static Task<IBrowserContext> NewContextAsync(bool javaScriptEnabled) =>
        (_chromium ?? throw new InvalidOperationException("Not set up.")).NewContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = Address.ToString(),
                JavaScriptEnabled = javaScriptEnabled,
            }
        );

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = new LedgerApiFactory(ApiHost.Database.ConnectionString, "http-browser.log");
        // Port 0: Kestrel picks a free loopback port, so parallel worktrees never collide.
        _api.UseKestrel(0);
        _api.StartServer();

        _playwright = await Playwright.CreateAsync();
        _chromium = await _playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath(),
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
            }
        );
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("LEDGER_TEST_CHROMIUM") is { Length: > 0 } set
            ? set
            : DefaultChromium;
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"No Chromium at {path}: ./build.sh test installs Debian's chromium package."
            );
    }
}
