using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ledger.TestSupport;

/// <summary>
/// A host of the product as operators run it: <c>dotnet</c> with its built assembly as an OS
/// process of its own, its console output (standard output and error) collected line by line.
/// Disposing kills it if it still runs and appends its output to the run's logs (for the log
/// scan) under the log name it was started with. The API and worker process fixtures wrap it.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _logName;

    private HostProcess(Process process, string logName)
    {
        Process = process;
        _logName = logName;
    }

    public Process Process { get; }

    public IEnumerable<string> Output => _output;

    /// <param name="info">What to run; the output is redirected here, whatever it says.</param>
    /// <param name="logName">The file under the run's logs the output is appended to.</param>
    public static HostProcess Start(ProcessStartInfo info, string logName)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process =
            Process.Start(info)
            ?? throw new InvalidOperationException($"{info.FileName} did not start.");
        var host = new HostProcess(process, logName);
        process.OutputDataReceived += (_, e) => host.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => host.Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or <c>kill -9</c> would.</summary>
    public async Task KillAsync()
    {
        Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            await KillAsync();
        }

        Directory.CreateDirectory(TestEnvironment.LogsDirectory);
        await File.AppendAllLinesAsync(
            Path.Combine(TestEnvironment.LogsDirectory, _logName),
            _output
        );
        Process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
