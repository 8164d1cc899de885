using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ledger.TestSupport;

/// <summary>
/// A stand-in OpenTelemetry collector for the telemetry tests: it accepts OTLP over HTTP
/// (protobuf) on a free loopback port and keeps each export's bytes by signal
/// (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>). Protobuf writes strings as plain
/// UTF-8 and ids as raw bytes, so a test can look for a span's route, a metric's name or a
/// trace id in what the app exported, without decoding the messages.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ReceiveAsync);
    }

    public int Port { get; }

    /// <summary>What the app sets as <c>OpenTelemetry:Otlp:Endpoint</c>.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Whether any export to <paramref name="path"/> holds all of these strings.</summary>
    public bool Received(string path, params string[] texts) =>
        Received(path, texts.Select(Encoding.UTF8.GetBytes).ToArray());

    public bool Received(string path, params byte[][] patterns) =>
        _exports.Any(export =>
            export.Path == path
            && patterns.All(pattern => export.Body.AsSpan().IndexOf(pattern) >= 0)
        );

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was stopped while waiting for a request.
        }
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception)
                when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _exports.Enqueue((context.Request.Url?.AbsolutePath ?? "", body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
