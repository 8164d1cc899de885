using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace Ledger.Build;

/// <summary>What `services start` provisioned, recorded in .local/services.json so later runs reuse it.</summary>
internal sealed record ServiceState(
    int PostgresPort,
    string PostgresPassword,
    string PostgresDataDirectory,
    int RedisPort,
    string RedisPassword
)
{
    public string PostgresConnectionString(string database) =>
        $"Host=127.0.0.1;Port={PostgresPort};Database={database};Username=ledger;Password={PostgresPassword}";

    [System.Text.Json.Serialization.JsonIgnore]
    public string RedisConnectionString => $"127.0.0.1:{RedisPort},password={RedisPassword}";
}

/// <summary>
/// A private PostgreSQL cluster and Redis server under .local/, on loopback ports picked free and
/// recorded, so two clones side by side never collide. Idempotent: what runs is reused.
/// </summary>
internal sealed class LocalServices(string root)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private string LocalDirectory => Path.Combine(root, ".local");
    private string StateFile => Path.Combine(LocalDirectory, "services.json");
    private string RedisDirectory => Path.Combine(LocalDirectory, "redis");
    private string RedisPidFile => Path.Combine(RedisDirectory, "redis.pid");

    public ServiceState? Load() =>
        File.Exists(StateFile)
            ? JsonSerializer.Deserialize<ServiceState>(File.ReadAllText(StateFile))
            : null;

    public ServiceState Start()
    {
        Directory.CreateDirectory(LocalDirectory);
        Packages.EnsureInstalled();
        var state = Load() ?? CreateState();
        state = EnsurePostgres(state);
        state = EnsureRedis(state);
        File.WriteAllText(StateFile, JsonSerializer.Serialize(state, Json));
        return state;
    }

    public void Stop()
    {
        var state = Load();
        if (state is null)
        {
            Console.WriteLine("Nothing was started here.");
            return;
        }

        StopPostgres(state);
        StopRedis();
        Console.WriteLine("Stopped the local PostgreSQL and Redis of this clone.");
    }

    /// <summary>
    /// For a target that must leave the machine as it found it (`bench`): starts what is not
    /// running and returns a lease that stops, when disposed or when the build tool gets SIGINT
    /// or SIGTERM, the processes the target started and the services this call started; services
    /// that already ran stay running.
    /// </summary>
    public ServiceLease StartForRun()
    {
        var before = Load();
        var postgresRan = before is not null && PostgresRunning(before);
        var redisRan = before is not null && RedisRunning(before);
        var state = Start();
        return new ServiceLease(this, state, StopPostgres: !postgresRan, StopRedis: !redisRan);
    }

    internal void StopPostgres(ServiceState state)
    {
        if (PostgresRunning(state))
        {
            var (file, arguments) = Shell.As(
                "postgres",
                Packages.PostgresBinary("pg_ctl"),
                "-D",
                state.PostgresDataDirectory,
                "-m",
                "fast",
                "-w",
                "stop"
            );
            Shell.Run(file, arguments);
        }
    }

    internal void StopRedis()
    {
        if (RedisPid() is { } pid)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(10_000);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }

            File.Delete(RedisPidFile);
        }
    }

    public void PrintStatus()
    {
        var state = Load();
        if (state is null)
        {
            Console.WriteLine("Not provisioned: run ./build.sh services start.");
            return;
        }

        Console.WriteLine(
            $"PostgreSQL 127.0.0.1:{state.PostgresPort}  {(PostgresRunning(state) ? "running" : "stopped")}  data: {state.PostgresDataDirectory}"
        );
        Console.WriteLine(
            $"Redis      127.0.0.1:{state.RedisPort}  {(RedisRunning(state) ? "running" : "stopped")}"
        );
    }

    public bool PostgresRunning(ServiceState state)
    {
        if (!File.Exists(Path.Combine(state.PostgresDataDirectory, "PG_VERSION")))
        {
            return false;
        }

        var (file, arguments) = Shell.As(
            "postgres",
            Packages.PostgresBinary("pg_ctl"),
            "-D",
            state.PostgresDataDirectory,
            "status"
        );
        return Shell.Capture(file, arguments).ExitCode == 0;
    }

    public bool RedisRunning(ServiceState state) =>
        RedisPid() is not null
        && Shell
            .Capture(
                "redis-cli",
                [
                    "-h",
                    "127.0.0.1",
                    "-p",
                    state.RedisPort.ToString(),
                    "--no-auth-warning",
                    "-a",
                    state.RedisPassword,
                    "ping",
                ]
            )
            .Output.Contains("PONG", StringComparison.Ordinal);

    private ServiceState CreateState() =>
        new(FreePort(), Secret(), PostgresDataDirectoryFor(), FreePort(), Secret());

    private ServiceState EnsurePostgres(ServiceState state)
    {
        var data = state.PostgresDataDirectory;
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            InitCluster(state);
        }

        if (PostgresRunning(state))
        {
            return state;
        }

        if (!PortFree(state.PostgresPort))
        {
            state = state with { PostgresPort = FreePort() };
        }

        var socketDirectory = Path.Combine(data, "run");
        Directory.CreateDirectory(socketDirectory);
        ChownToPostgres(socketDirectory);
        var options =
            $"-p {state.PostgresPort} -k {socketDirectory} -c listen_addresses=127.0.0.1 -c max_connections=300 "
            + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB";
        var (file, arguments) = Shell.As(
            "postgres",
            Packages.PostgresBinary("pg_ctl"),
            "-D",
            data,
            "-o",
            options,
            "-l",
            Path.Combine(data, "server.log"),
            "-w",
            "-t",
            "60",
            "start"
        );
        Shell.RunOrFail(file, arguments);
        Console.WriteLine($"PostgreSQL started on 127.0.0.1:{state.PostgresPort}.");
        return state;
    }

    private void InitCluster(ServiceState state)
    {
        var data = state.PostgresDataDirectory;
        Directory.CreateDirectory(data);
        ChownToPostgres(data);
        var passwordFile = Path.Combine(data, "..", "initdb-password");
        File.WriteAllText(passwordFile, state.PostgresPassword);
        ChownToPostgres(passwordFile);
        var (file, arguments) = Shell.As(
            "postgres",
            Packages.PostgresBinary("initdb"),
            "-D",
            data,
            "-U",
            "ledger",
            "--pwfile",
            passwordFile,
            "--auth-host=scram-sha-256",
            "--auth-local=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8"
        );
        var (code, output) = Shell.Capture(file, arguments);
        File.Delete(passwordFile);
        if (code != 0)
        {
            throw new BuildException($"initdb failed:\n{output}");
        }

        Console.WriteLine("Created a private PostgreSQL cluster.");
    }

    private ServiceState EnsureRedis(ServiceState state)
    {
        if (RedisRunning(state))
        {
            return state;
        }

        if (RedisPid() is not null)
        {
            // Our Redis is alive but did not answer one ping (busy, or just starting): ask again
            // for a while, and stop it if it stays silent, so that a second one never starts
            // beside it on another port and the first is never left running unowned.
            for (var attempt = 0; attempt < 20; attempt++)
            {
                Thread.Sleep(100);
                if (RedisRunning(state))
                {
                    return state;
                }
            }

            StopRedis();
        }

        if (!PortFree(state.RedisPort))
        {
            state = state with { RedisPort = FreePort() };
        }

        Directory.CreateDirectory(RedisDirectory);
        Shell.RunOrFail(
            "redis-server",
            [
                "--bind",
                "127.0.0.1",
                "--port",
                state.RedisPort.ToString(),
                "--daemonize",
                "yes",
                "--dir",
                RedisDirectory,
                "--pidfile",
                RedisPidFile,
                "--logfile",
                Path.Combine(RedisDirectory, "redis.log"),
                "--save",
                "",
                "--appendonly",
                "no",
                "--requirepass",
                state.RedisPassword,
            ]
        );
        for (var attempt = 0; attempt < 50 && !RedisRunning(state); attempt++)
        {
            Thread.Sleep(100);
        }

        if (!RedisRunning(state))
        {
            throw new BuildException("Redis did not start; see .local/redis/redis.log.");
        }

        Console.WriteLine($"Redis started on 127.0.0.1:{state.RedisPort}.");
        return state;
    }

    private int? RedisPid()
    {
        if (
            !File.Exists(RedisPidFile)
            || !int.TryParse(File.ReadAllText(RedisPidFile).Trim(), out var pid)
        )
        {
            return null;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited ? null : pid;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// .local/pg when the postgres user can reach it; otherwise (a clone under a private home
    /// directory, say) a folder of this clone's own under /var/tmp.
    /// </summary>
    private string PostgresDataDirectoryFor()
    {
        var preferred = Path.Combine(LocalDirectory, "pg", "data");
        if (!Shell.IsRoot)
        {
            return preferred;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(preferred)!);
        var (file, arguments) = Shell.As(
            "postgres",
            "test",
            "-x",
            Path.GetDirectoryName(preferred)!
        );
        if (Shell.Run(file, arguments) == 0)
        {
            return preferred;
        }

        var hash = Convert.ToHexStringLower(
            SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root))
        )[..12];
        var fallback = Path.Combine("/var/tmp", $"ledger-{hash}", "pg", "data");
        Directory.CreateDirectory(Path.GetDirectoryName(fallback)!);
        ChownToPostgres(Path.GetDirectoryName(fallback)!);
        return fallback;
    }

    private static void ChownToPostgres(string path)
    {
        if (Shell.IsRoot)
        {
            Shell.RunOrFail("chown", ["postgres:postgres", path]);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool PortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Secret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

/// <summary>What <see cref="LocalServices.StartForRun"/> started, stopped once: at dispose or on SIGINT/SIGTERM.</summary>
internal sealed class ServiceLease : IDisposable
{
    private readonly LocalServices services;
    private readonly bool stopPostgres;
    private readonly bool stopRedis;
    private readonly List<System.Runtime.InteropServices.PosixSignalRegistration> signals;
    private int stopped;

    public ServiceLease(
        LocalServices services,
        ServiceState state,
        bool StopPostgres,
        bool StopRedis
    )
    {
        this.services = services;
        State = state;
        stopPostgres = StopPostgres;
        stopRedis = StopRedis;
        signals =
        [
            .. new[]
            {
                System.Runtime.InteropServices.PosixSignal.SIGINT,
                System.Runtime.InteropServices.PosixSignal.SIGTERM,
            }.Select(signal =>
                System.Runtime.InteropServices.PosixSignalRegistration.Create(
                    signal,
                    context =>
                    {
                        Console.Error.WriteLine(
                            $"build: {context.Signal}: stopping what this run started..."
                        );
                        Stop();
                        // The runtime then ends the process as the signal asks.
                    }
                )
            ),
        ];
    }

    public ServiceState State { get; }

    public void Dispose()
    {
        foreach (var signal in signals)
        {
            signal.Dispose();
        }

        Stop();
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        Shell.StopChildren();
        if (stopPostgres)
        {
            services.StopPostgres(State);
        }

        if (stopRedis)
        {
            services.StopRedis();
        }

        var kept = (stopPostgres, stopRedis) switch
        {
            (true, true) => "stopped the PostgreSQL and Redis it started",
            (true, false) =>
                "stopped the PostgreSQL it started; Redis was running before and still is",
            (false, true) =>
                "stopped the Redis it started; PostgreSQL was running before and still is",
            _ => "PostgreSQL and Redis were running before and still are",
        };
        Console.WriteLine($"build: {kept}.");
    }
}
