using System.Diagnostics;

namespace Ledger.Build;

/// <summary>Runs programs and reports what they did. Output goes to our console unless captured.</summary>
internal static class Shell
{
    public static bool IsRoot { get; } = Environment.UserName == "root";

    public static int Run(
        string file,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IDictionary<string, string>? environment = null
    )
    {
        using var process = Start(file, arguments, workingDirectory, environment, capture: false);
        process.WaitForExit();
        return process.ExitCode;
    }

    public static void RunOrFail(
        string file,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IDictionary<string, string>? environment = null
    )
    {
        var code = Run(file, arguments, workingDirectory, environment);
        if (code != 0)
        {
            throw new BuildException($"'{file} {string.Join(' ', arguments)}' exited with {code}.");
        }
    }

    public static (int ExitCode, string Output) Capture(
        string file,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IDictionary<string, string>? environment = null
    )
    {
        using var process = Start(file, arguments, workingDirectory, environment, capture: true);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    public static Process Start(
        string file,
        IEnumerable<string> arguments,
        string? workingDirectory,
        IDictionary<string, string>? environment,
        bool capture
    )
    {
        var info = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = capture,
            RedirectStandardError = capture,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new BuildException($"Could not start {file}.");
        Children[process.Id] = file;
        return process;
    }

    /// <summary>Every process started here, by id (those that ended too: <see cref="StopChildren"/> checks).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<
        int,
        string
    > Children = new();

    /// <summary>
    /// Sends SIGTERM to every process started here that still runs and is still our child (an
    /// API, a worker, the floor, wrk), and waits up to 10 s for them to end; then SIGKILL.
    /// </summary>
    public static void StopChildren()
    {
        var running = Children
            .Keys.Where(pid =>
                File.Exists($"/proc/{pid}/stat") && ParentOf(pid) == Environment.ProcessId
            )
            .ToList();
        foreach (var pid in running)
        {
            _ = Kill(pid, "TERM");
        }

        var deadline = Stopwatch.StartNew();
        while (
            running.Any(pid => File.Exists($"/proc/{pid}/stat") && !Zombie(pid))
            && deadline.Elapsed < TimeSpan.FromSeconds(10)
        )
        {
            Thread.Sleep(50);
        }

        foreach (var pid in running.Where(pid => File.Exists($"/proc/{pid}/stat") && !Zombie(pid)))
        {
            _ = Kill(pid, "KILL");
        }
    }

    private static int Kill(int pid, string signal)
    {
        using var kill = Process.Start(
            new ProcessStartInfo(
                "kill",
                [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            )
            {
                UseShellExecute = false,
            }
        );
        kill?.WaitForExit();
        return kill?.ExitCode ?? -1;
    }

    private static string[] Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static int ParentOf(int pid) =>
        Stat(pid) is [_, var parent, ..]
            ? int.Parse(parent, System.Globalization.CultureInfo.InvariantCulture)
            : -1;

    private static bool Zombie(int pid) => Stat(pid) is ["Z", ..] or [];

    /// <summary>Runs a command as <paramref name="user"/> when we are root (PostgreSQL refuses root), else as ourselves.</summary>
    public static (string File, string[] Arguments) As(
        string user,
        string file,
        params string[] arguments
    ) => IsRoot ? ("runuser", ["-u", user, "--", file, .. arguments]) : (file, arguments);

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}

internal sealed class BuildException(string message) : Exception(message);
