using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledger.WebApi.IntegrationTests.Observability;

/// <summary>
/// Issue 19 point 6 (audit 000 P2): a host whose settings come from a JSON file, as in
/// production. An admin's reload applies a changed rate limit at once; an invalid change is
/// refused, the old values keep working, and the log says why.
/// </summary>
public sealed class ConfigurationReloadTests : HttpTest
{
    private string _settingsFile = null!;
    private ReloadingHost _host = null!;

    [OneTimeSetUp]
    public void StartHost()
    {
        _settingsFile = Path.Combine(Path.GetTempPath(), $"ledger-reload-{Guid.NewGuid():N}.json");
        WriteSettings(defaultLimit: 1000, adminId: ApiPartners.AdminUserId.ToString());
        _host = new ReloadingHost(_settingsFile);
        _ = _host.Server;
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        await _host.DisposeAsync();
        File.Delete(_settingsFile);
    }

    /// <summary>
    /// Back to the first settings before each test, reloaded the way the endpoint does it (the
    /// endpoint itself could be refused by the limit the previous test left).
    /// </summary>
    [SetUp]
    public void RestoreSettings()
    {
        WriteSettings(defaultLimit: 1000, adminId: ApiPartners.AdminUserId.ToString());
        ((IConfigurationRoot)_host.Services.GetRequiredService<IConfiguration>()).Reload();
    }

    [Test]
    public async Task Should_apply_a_lower_rate_limit_at_once_when_an_admin_reloads()
    {
        var admin = await ApiPartners.SignUpAdminAsync(_host);
        var user = await ApiUsers.SignUpAsync(_host);
        for (var i = 0; i < 4; i++)
        {
            (await StatusOfMeAsync(user)).Should().Be(HttpStatusCode.OK);
        }

        WriteSettings(defaultLimit: 2, adminId: ApiPartners.AdminUserId.ToString());
        var outcome = await ReloadAsync(admin);
        var afterReload = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            afterReload.Add(await StatusOfMeAsync(user));
        }

        SectionStatus(outcome, "RateLimiting").Should().Be("applied");
        // Four requests already counted against a limit of two: refused at once (three calls
        // also cover a window that happens to roll over between the two lists).
        afterReload.Should().Contain(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task Should_refuse_an_invalid_change_keep_the_old_values_and_log_the_reason()
    {
        var admin = await ApiPartners.SignUpAdminAsync(_host);
        var user = await ApiUsers.SignUpAsync(_host);

        WriteSettings(defaultLimit: 0, adminId: "not-a-user-id");
        var outcome = await ReloadAsync(admin);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add(await StatusOfMeAsync(user));
        }

        using var diagnostics = await admin.HttpClient.GetAsync("/api/v1/admin/diagnostics");

        SectionStatus(outcome, "RateLimiting").Should().Be("refused");
        SectionReason(outcome, "RateLimiting")
            .Should()
            .Contain("PermitLimit must be greater than 0");
        SectionStatus(outcome, "Admin").Should().Be("refused");
        SectionReason(outcome, "Admin")
            .Should()
            .Contain("Admin:UserIds:0")
            .And.NotContain("not-a-user-id");
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK, "the old limit of 1000 stays");
        diagnostics.StatusCode.Should().Be(HttpStatusCode.OK, "the old admin list stays");
        _host
            .Logs.Should()
            .Contain(line =>
                line.Contains("Configuration reload refused for RateLimiting")
                && line.Contains("PermitLimit must be greater than 0")
            );
    }

    private static async Task<HttpStatusCode> StatusOfMeAsync(ApiUser user)
    {
        using var response = await user.HttpClient.GetAsync("/api/v1/me");
        return response.StatusCode;
    }

    private static async Task<JsonElement> ReloadAsync(ApiUser admin)
    {
        using var response = await admin.HttpClient.PostAsync("/api/v1/admin/config/reload", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Section(JsonElement outcome, string name) =>
        outcome
            .GetProperty("sections")
            .EnumerateArray()
            .Single(section => section.GetProperty("section").GetString() == name);

    private static string? SectionStatus(JsonElement outcome, string name) =>
        Section(outcome, name).GetProperty("status").GetString();

    private static string? SectionReason(JsonElement outcome, string name) =>
        Section(outcome, name).GetProperty("reason").GetString();

    private void WriteSettings(int defaultLimit, string adminId) =>
        File.WriteAllText(
            _settingsFile,
            JsonSerializer.Serialize(
                new Dictionary<string, object>
                {
                    ["Admin"] = new { UserIds = new[] { adminId } },
                    ["RateLimiting"] = new
                    {
                        // Counters of this host only, whatever the other hosts of the run count.
                        KeyPrefix = "reload-" + Path.GetFileNameWithoutExtension(_settingsFile),
                        Policies = new
                        {
                            @default = new { PermitLimit = defaultLimit, Window = "00:01:00" },
                        },
                    },
                }
            )
        );

    /// <summary>The test host with one more configuration file, read like appsettings.json.</summary>
    private sealed class ReloadingHost(string settingsFile) : WebApplicationFactory<Program>
    {
        private readonly FileLoggerProvider _logs = new("http-reload.log");
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Logs
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Ledger", ApiHost.Database.ConnectionString);
            builder.UseSetting("ConnectionStrings:Redis", TestEnvironment.RedisConnectionString);
            builder.UseSetting("Storage:ReceiptsRoot", ApiHost.ReceiptsRoot);
            builder.UseSetting("RateLimiting:Policies:auth:PermitLimit", "1000000");
            builder.UseSetting("RateLimiting:RedisTimeout", "00:00:03");
            TestOAuthClient.Configure(builder);
            builder.ConfigureAppConfiguration(
                (_, configuration) =>
                    configuration.AddJsonFile(settingsFile, optional: false, reloadOnChange: false)
            );
            builder.ConfigureLogging(logging =>
                logging
                    .SetMinimumLevel(LogLevel.Debug)
                    .AddProvider(_logs)
                    .AddProvider(new CapturingProvider(_lines))
            );
        }

        private sealed class CapturingProvider(List<string> lines) : ILoggerProvider
        {
            public ILogger CreateLogger(string categoryName) => new Capturing(lines);

            public void Dispose() { }

            private sealed class Capturing(List<string> lines) : ILogger
            {
                public IDisposable? BeginScope<TState>(TState state)
                    where TState : notnull => null;

                public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

                public void Log<TState>(
                    LogLevel logLevel,
                    EventId eventId,
                    TState state,
                    Exception? exception,
                    Func<TState, Exception?, string> formatter
                )
                {
                    if (IsEnabled(logLevel))
                    {
                        lock (lines)
                        {
                            lines.Add(formatter(state, exception));
                        }
                    }
                }
            }
        }
    }
}
