using System.Diagnostics;
using Ledger.TestSupport;

namespace Ledger.WebApi.IntegrationTests.Webhooks;

/// <summary>
/// A worker process as operators run it (<c>dotnet Ledger.Worker.dll</c>, built with the solution),
/// against a test database, with the webhook settings a test needs: loopback allowed (the
/// receiver is local) and a short retry schedule. Its output goes to the run's logs.
/// </summary>
public sealed class RelayWorker : IAsyncDisposable
{
    private readonly HostProcess _host;

    private RelayWorker(string name, HostProcess host)
    {
        Name = name;
        _host = host;
    }

    /// <summary>Also its database connections' application name.</summary>
    public string Name { get; }

    public bool HasExited => _host.Process.HasExited;

    /// <param name="environment">Its <c>DOTNET_ENVIRONMENT</c>; in Production loopback stays refused whatever the settings say.</param>
    /// <param name="settings">Environment variables that override the defaults above (or add to them).</param>
    public static RelayWorker Start(
        string connectionString,
        string name,
        string environment = "Testing",
        IReadOnlyDictionary<string, string>? settings = null
    )
    {
        var info = new ProcessStartInfo("dotnet", [WorkerAssembly()])
        {
            WorkingDirectory = Path.GetDirectoryName(WorkerAssembly())!,
        };
        info.Environment["DOTNET_ENVIRONMENT"] = environment;
        info.Environment.Remove("DATABASE_URL");
        info.Environment["ConnectionStrings__Ledger"] =
            $"{connectionString};Application Name={name}";
        info.Environment["ConnectionStrings__Redis"] = TestEnvironment.RedisConnectionString;
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Webhooks__AllowLoopback"] = "true";
        info.Environment["Webhooks__FirstRetryDelay"] = "00:00:00.200";
        info.Environment["Webhooks__MaxRetryDelay"] = "00:00:00.500";
        info.Environment["Webhooks__PollInterval"] = "00:00:00.250";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new RelayWorker(name, HostProcess.Start(info, "worker-relay.log"));
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or <c>kill -9</c> would.</summary>
    public Task KillAsync() => _host.KillAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>The worker built beside this test project, in the same configuration.</summary>
    private static string WorkerAssembly()
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testDirectory.Name;
        var configuration = testDirectory.Parent!.Name;
        var root = testDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Ledger.sln")))
        {
            root = root.Parent;
        }

        var assembly = Path.Combine(
            root?.FullName ?? throw new InvalidOperationException("No Ledger.sln above the tests."),
            "src",
            "Worker",
            "bin",
            configuration,
            framework,
            "Ledger.Worker.dll"
        );
        return File.Exists(assembly)
            ? assembly
            : throw new InvalidOperationException(
                $"Build the worker first: {assembly} is missing."
            );
    }
}
