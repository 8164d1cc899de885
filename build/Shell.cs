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

        return Process.Start(info) ?? throw new BuildException($"Could not start {file}.");
    }

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
