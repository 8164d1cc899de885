using System.Collections.Concurrent;
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
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WorkerProcess(Process process) => _process = process;

    public IEnumerable<string> Output => _output;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <param name="databaseConnectionString">None: the worker is started without a database.</param>
    public static WorkerProcess Start(
        string? databaseConnectionString,
        IReadOnlyDictionary<string, string>? settings = null
    )
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "Ledger.Worker.dll");
        var info = new ProcessStartInfo("dotnet", [assembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
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

        var process =
            Process.Start(info) ?? throw new InvalidOperationException("The worker did not start.");
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (!_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The worker exited with {_process.ExitCode} before printing '{text}'."
                );
            }

            await Task.Delay(50, cancellation.Token);
        }
    }

    /// <summary>Waits for the process to end by itself.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
    }

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks for a graceful shutdown, as an orchestrator or Ctrl-C would.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using var kill = Process.Start(
            "kill",
            ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
        );
        await kill!.WaitForExitAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
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
            Path.Combine(TestEnvironment.LogsDirectory, "worker-process.log"),
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
}
