using System.Diagnostics;
using Npgsql;

namespace Ledger.TestSupport;

/// <summary>
/// Stops the run's real PostgreSQL cluster and starts it again with the options it ran with
/// (pg_ctl keeps them in postmaster.opts), as the build tool's user would: the postgres user
/// when the tests run as root. For tests of what the app does while its database is away.
/// </summary>
public static class PostgresOutage
{
    private static readonly string DataDirectory = TestEnvironment.PostgresDataDirectory;

    public static async Task StopAsync() =>
        await PgCtlAsync("-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop");

    public static async Task StartAsync()
    {
        var options = StartOptions(
            await File.ReadAllTextAsync(Path.Combine(DataDirectory, "postmaster.opts"))
        );
        await PgCtlAsync(
            "-D",
            DataDirectory,
            "-o",
            options,
            "-l",
            Path.Combine(DataDirectory, "server.log"),
            "-w",
            "-t",
            "60",
            "start"
        );
        // The restart ended every server connection; the ones idle in this process' own
        // connection-string pools (the tests' resets and checks) are dead: drop them, as the
        // app's data source finds out about its own by itself.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>The server's arguments from postmaster.opts, but its binary and data directory.</summary>
    private static string StartOptions(string postmasterOpts)
    {
        var arguments = postmasterOpts
            .Trim()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(a => a.Trim('"'))
            .ToList();
        var data = arguments.IndexOf("-D");
        if (data >= 0)
        {
            arguments.RemoveRange(data, 2);
        }

        return string.Join(' ', arguments);
    }

    private static async Task PgCtlAsync(params string[] arguments)
    {
        var pgCtl = PgCtlPath();
        var start =
            Environment.UserName == "root"
                ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl, .. arguments])
                : new ProcessStartInfo(pgCtl, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process =
            Process.Start(start) ?? throw new InvalidOperationException("pg_ctl did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl failed: {output}{error}");
        }
    }

    private static string PgCtlPath() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory
                .GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", "pg_ctl"))
                .Where(File.Exists)
                .OrderDescending()
                .FirstOrDefault()
                ?? "pg_ctl"
            : "pg_ctl";
}
