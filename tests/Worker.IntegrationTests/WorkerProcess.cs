using System.Diagnostics;
using Ledger.TestSupport;

namespace Ledger.Worker.IntegrationTests;

/// <summary>
/// The worker as operators run it: a separate OS process (audit 003 #14), started from its built
/// assembly against the run's real PostgreSQL and Redis. Its console output is collected, and
/// appended to the run's logs for the log scan.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly HostProcess _host;

    private WorkerProcess(HostProcess host) => _host = host;

    public IEnumerable<string> Output => _host.Output;

    public bool HasExited => _host.Process.HasExited;

    public int ExitCode => _host.Process.ExitCode;

    /// <param name="databaseConnectionString">None: the worker is started without a database.</param>
    public static WorkerProcess Start(
        string? databaseConnectionString,
        IReadOnlyDictionary<string, string>? settings = null
    )
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "Ledger.Worker.dll");
        var info = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        info.Environment.Remove("DATABASE_URL");
        info.Environment.Remove("ConnectionStrings__Ledger");
        if (databaseConnectionString is not null)
        {
            info.Environment["ConnectionStrings__Ledger"] = databaseConnectionString;
        }

        info.Environment["ConnectionStrings__Redis"] = TestEnvironment.RedisConnectionString;
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new WorkerProcess(HostProcess.Start(info, "worker-process.log"));
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (!_host.Output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (_host.Process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The worker exited with {_host.Process.ExitCode} before printing '{text}'."
                );
            }

            await Task.Delay(50, cancellation.Token);
        }
    }

    /// <summary>Waits for the process to end by itself.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _host.Process.WaitForExitAsync(cancellation.Token);
    }

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would.</summary>
    public Task KillAsync() => _host.KillAsync();

    /// <summary>Asks for a graceful shutdown, as an orchestrator or Ctrl-C would.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using var kill = Process.Start(
            "kill",
            ["-TERM", _host.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
        );
        await kill!.WaitForExitAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        await _host.Process.WaitForExitAsync(cancellation.Token);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
