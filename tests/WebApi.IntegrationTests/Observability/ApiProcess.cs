using System.Diagnostics;
using System.Text.RegularExpressions;
using Ledger.TestSupport;

namespace Ledger.WebApi.IntegrationTests.Observability;

/// <summary>
/// The API as operators run it: its own OS process from the built assembly, Kestrel on a free
/// loopback port, its console output collected exactly as a log shipper would read it (and
/// appended to the run's logs for the log scan).
/// </summary>
public sealed partial class ApiProcess : IAsyncDisposable
{
    private readonly HostProcess _host;

    private ApiProcess(HostProcess host) => _host = host;

    public IEnumerable<string> Output => _host.Output;

    public Uri Address { get; private set; } = null!;

    public static async Task<ApiProcess> StartAsync(
        string environment,
        IReadOnlyDictionary<string, string> settings
    )
    {
        var info = new ProcessStartInfo(
            "dotnet",
            [
                Path.Combine(AppContext.BaseDirectory, "Ledger.WebApi.dll"),
                "--urls",
                "http://127.0.0.1:0",
            ]
        )
        {
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment.Remove("DATABASE_URL");
        info.Environment.Remove("Logging__Console__FormatterName");
        // Its own rate-limit counters in the shared Redis, at the shipped limits: the requests of
        // other tests from the same loopback address must not spend this process's windows.
        info.Environment["RateLimiting__KeyPrefix"] = $"process-{Guid.NewGuid():N}";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var api = new ApiProcess(HostProcess.Start(info, "api-process.log"));

        string? address = null;
        var started = await Eventually.HoldsAsync(
            () =>
            {
                address = api
                    .Output.Select(line => ListeningOn().Match(line))
                    .FirstOrDefault(match => match.Success)
                    ?.Groups[1]
                    .Value;
                return Task.FromResult(address is not null || api._host.Process.HasExited);
            },
            TimeSpan.FromSeconds(60)
        );
        if (!started || address is null)
        {
            await api.DisposeAsync();
            throw new InvalidOperationException(
                "The API did not report its address: " + string.Join('\n', api.Output.Take(20))
            );
        }

        api.Address = new Uri(address);
        return api;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
