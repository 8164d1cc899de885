using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Ledger.Build;

/// <summary>
/// The webhook relay's throughput (issue 16: at least 1,000 events/s with two workers): on a
/// database of its own, two worker processes as operators run them, subscriptions of several
/// groups pointing at a local receiver (HttpListener, answering 204), and a burst of outbox
/// events inserted in one transaction. Measured from that commit (the relays are woken by its
/// notification) until the receiver has every event. `./build.sh bench-relay [--tiny]` runs it
/// alone; `bench` runs it at its end.
/// </summary>
internal static class BenchRelay
{
    private const string Database = "ledger_bench_relay";
    private const int Workers = 2;
    private const int Subscriptions = 32;

    public static async Task<int> RunStandaloneAsync(string root, ServiceState services, bool tiny)
    {
        Console.WriteLine((await RunAsync(root, services, tiny)).Row);
        return 0;
    }

    public static async Task<(string Row, double PerSecond)> RunAsync(
        string root,
        ServiceState services,
        bool tiny
    )
    {
        var events = tiny ? 2_000 : 20_000;
        Psql(services, "postgres", $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
        Psql(services, "postgres", $"CREATE DATABASE {Database}");
        var environment = Targets.AppEnvironment(root, services);
        environment["ConnectionStrings__Ledger"] = services.PostgresConnectionString(Database);
        foreach (var project in new[] { "src/WebApi", "src/Worker" })
        {
            Shell.RunOrFail(
                "dotnet",
                ["build", project, "-c", "Release", "--nologo", "-v", "q"],
                root
            );
        }

        Shell.RunOrFail(
            "dotnet",
            [
                "run",
                "--project",
                "src/WebApi",
                "-c",
                "Release",
                "--no-build",
                "--no-launch-profile",
                "--",
                "--migrate-only",
            ],
            root,
            environment
        );

        using var receiver = new Receiver();
        Psql(
            services,
            Database,
            $"""
            INSERT INTO groups (id, name, default_currency, time_zone_id, status, version, created_at)
            SELECT gen_random_uuid(), 'bench ' || n, 'EUR', 'UTC', 'Active', 1, now()
            FROM generate_series(1, {Subscriptions}) n;
            INSERT INTO webhook_subscriptions (id, group_id, url, secret, created_at)
            SELECT gen_random_uuid(), id, '{receiver.Url}', 'whsec_' || encode(sha256(gen_random_uuid()::text::bytea), 'base64'), now()
            FROM groups;
            """
        );

        var workers = new List<Process>();
        try
        {
            for (var i = 0; i < Workers; i++)
            {
                var own = new Dictionary<string, string>(environment)
                {
                    ["ConnectionStrings__Ledger"] =
                        services.PostgresConnectionString(Database)
                        + $";Application Name=ledger-bench-relay-{i}",
                    ["Webhooks__AllowLoopback"] = "true",
                    ["Logging__LogLevel__Default"] = "Warning",
                };
                workers.Add(
                    Shell.Start(
                        "dotnet",
                        [Path.Combine(root, "src/Worker/bin/Release/net10.0/Ledger.Worker.dll")],
                        root,
                        own,
                        capture: false
                    )
                );
            }

            await WaitAsync(
                () =>
                    Scalar(
                        services,
                        "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'LISTEN ledger_webhooks%'"
                    ) >= Workers,
                TimeSpan.FromMinutes(2),
                "the relays to listen"
            );

            var clock = Stopwatch.StartNew();
            Psql(
                services,
                Database,
                $"""
                INSERT INTO outbox_messages (id, type, version, group_id, payload, occurred_at)
                SELECT gen_random_uuid(), 'expense.created', 1, g.id,
                       jsonb_build_object('groupId', g.id, 'expenseId', gen_random_uuid()), now()
                FROM generate_series(0, {events - 1}) n
                JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM groups) g
                  ON g.k = n % {Subscriptions};
                """
            );
            await WaitAsync(
                () => receiver.Count >= events,
                TimeSpan.FromMinutes(5),
                "every event to arrive"
            );
            clock.Stop();
            var perSecond = events / clock.Elapsed.TotalSeconds;
            var load = File.Exists("/proc/loadavg")
                ? File.ReadAllText("/proc/loadavg").Split(' ')[0]
                : "?";
            return (
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"relay: {events} events to {Subscriptions} subscriptions with {Workers} workers in {clock.Elapsed.TotalSeconds:F1} s: {perSecond:F0} events/s (goal >= 1000; load average {load})"
                ),
                perSecond
            );
        }
        finally
        {
            foreach (var worker in workers)
            {
                Shell.Run("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)]);
                await worker.WaitForExitAsync();
                worker.Dispose();
            }

            Psql(services, "postgres", $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
        }
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > timeout)
            {
                throw new BuildException($"bench-relay: gave up waiting for {what}.");
            }

            await Task.Delay(20);
        }
    }

    private static long Scalar(ServiceState services, string sql)
    {
        var (_, output) = Shell.Capture(
            "psql",
            [.. Connect(services, Database), "-tAc", sql],
            environment: Password(services)
        );
        return long.TryParse(output.Trim(), CultureInfo.InvariantCulture, out var value)
            ? value
            : 0;
    }

    private static void Psql(ServiceState services, string database, string sql) =>
        Shell.RunOrFail(
            "psql",
            [.. Connect(services, database), "-v", "ON_ERROR_STOP=1", "-qc", sql],
            environment: Password(services)
        );

    private static string[] Connect(ServiceState services, string database) =>
        [
            "-h",
            "127.0.0.1",
            "-p",
            services.PostgresPort.ToString(CultureInfo.InvariantCulture),
            "-U",
            "ledger",
            "-d",
            database,
        ];

    private static Dictionary<string, string> Password(ServiceState services) =>
        new() { ["PGPASSWORD"] = services.PostgresPassword };

    /// <summary>A local webhook receiver: answers every POST with 204 and counts it.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly CancellationTokenSource _stop = new();
        private long _count;

        public Receiver()
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/hooks";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            for (var i = 0; i < 32; i++)
            {
                _ = Task.Run(AcceptAsync);
            }
        }

        public string Url { get; }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                await context.Request.InputStream.CopyToAsync(Stream.Null);
                context.Response.StatusCode = 204;
                context.Response.Close();
                Interlocked.Increment(ref _count);
            }
        }

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
    }
}
