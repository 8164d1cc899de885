using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Ledger.WebApi.IntegrationTests;

/// <summary>
/// One app host for the whole run: the real ASP.NET Core pipeline against real PostgreSQL and
/// Redis, its logs captured for the log scan.
/// </summary>
[SetUpFixture]
public sealed class ApiHost
{
    private static LedgerApiFactory? _factory;
    private static TestDatabase? _database;

    public static LedgerApiFactory Factory =>
        _factory ?? throw new InvalidOperationException("Not set up.");

    public static TestDatabase Database =>
        _database ?? throw new InvalidOperationException("Not set up.");

    /// <summary>The run's own receipt store (Storage:ReceiptsRoot), a fresh temporary directory.</summary>
    public static string ReceiptsRoot { get; } =
        Path.Combine(Path.GetTempPath(), "ledger-test-receipts-" + Guid.NewGuid().ToString("N"));

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync("http");
        _factory = new LedgerApiFactory(_database.ConnectionString);
        _ = _factory.Server;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

/// <param name="logFileName">Where its logs go; a second host beside the shared one needs its own file.</param>
public sealed class LedgerApiFactory(
    string databaseConnectionString,
    string logFileName = "http.log"
) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Ledger", databaseConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", TestEnvironment.RedisConnectionString);
        builder.UseSetting("Storage:ReceiptsRoot", ApiHost.ReceiptsRoot);
        // Every test's users sign in from the same address; the limits themselves are tested
        // with their own hosts (RateLimitingTests, Infrastructure.IntegrationTests).
        foreach (var policy in new[] { "default", "auth", "expensive", "partner" })
        {
            builder.UseSetting($"RateLimiting:Policies:{policy}:PermitLimit", "1000000");
        }

        // A loaded 2-core machine can be slow to answer; the fallback itself is tested elsewhere.
        builder.UseSetting("RateLimiting:RedisTimeout", "00:00:03");
        TestOAuthClient.Configure(builder);
        ApiPartners.ConfigureAdmin(builder);
        OpenApi.ResponseConformanceAttribute.Register(builder);
        builder.ConfigureLogging(logging =>
            logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new FileLoggerProvider(logFileName))
        );
    }
}

/// <summary>Every HTTP test starts from an empty database.</summary>
public abstract class HttpTest
{
    [SetUp]
    public Task ResetAsync() => ApiHost.Database.ResetAsync();
}
