using System.Collections.Concurrent;
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
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ApiProcess(Process process) => _process = process;

    public IEnumerable<string> Output => _output;

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
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
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

        var process =
            Process.Start(info) ?? throw new InvalidOperationException("The API did not start.");
        var api = new ApiProcess(process);
        process.OutputDataReceived += (_, e) => api.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => api.Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        string? address = null;
        var started = await Eventually.HoldsAsync(
            () =>
            {
                address = api
                    ._output.Select(line => ListeningOn().Match(line))
                    .FirstOrDefault(match => match.Success)
                    ?.Groups[1]
                    .Value;
                return Task.FromResult(address is not null || process.HasExited);
            },
            TimeSpan.FromSeconds(60)
        );
        if (!started || address is null)
        {
            await api.DisposeAsync();
            throw new InvalidOperationException(
                "The API did not report its address: " + string.Join('\n', api._output.Take(20))
            );
        }

        api.Address = new Uri(address);
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Directory.CreateDirectory(TestEnvironment.LogsDirectory);
        await File.AppendAllLinesAsync(
            Path.Combine(TestEnvironment.LogsDirectory, "api-process.log"),
            _output
        );
        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
