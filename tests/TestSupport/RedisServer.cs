using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Ledger.TestSupport;

/// <summary>
/// A redis-server of a test's own, on a free loopback port, without persistence, for tests that
/// stop, break or measure Redis. The shared instance of the run (LEDGER_TEST_REDIS) is never
/// touched that way.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ledger-redis-").FullName;
    private Process? _process;
    private ConnectionMultiplexer? _admin;

    private RedisServer(int port) => Port = port;

    /// <summary>The client name of this class' own admin connection, as Redis reports it.</summary>
    public const string AdminClientName = "ledger-test-admin";

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts (again) on the same port, empty, and returns once it answers.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("Already running.");
        }

        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (
            var argument in new[]
            {
                "--bind",
                "127.0.0.1",
                "--port",
                Port.ToString(CultureInfo.InvariantCulture),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                _directory,
                "--logfile",
                Path.Combine(_directory, "redis.log"),
            }
        )
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("No redis-server.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await AnswersAsync(timeout.Token))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Kills the server the hard way, as a crash or a lost host would.</summary>
    public void Kill()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Runs a command on an admin connection of the test's own (CONFIG, INFO, SCAN...).</summary>
    public async Task<RedisResult> ExecuteAsync(string command, params object[] arguments)
    {
        _admin ??= await ConnectionMultiplexer.ConnectAsync(
            $"{ConnectionString},allowAdmin=true,name={AdminClientName}"
        );
        return await _admin.GetDatabase().ExecuteAsync(command, arguments);
    }

    public async ValueTask DisposeAsync()
    {
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }

        Kill();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return read > 0 && buffer[0] == (byte)'+';
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
