using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Ledger.TestSupport;

/// <summary>
/// A real SMTP server on loopback for one test: Debian's aiosmtpd, storing every message it
/// receives in a maildir of its own. `./build.sh` installs python3-aiosmtpd.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    // Debian's interpreter: the package installs into its dist-packages, not into other Pythons.
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly string _mailDirectory;

    private SmtpSink(Process process, int port, string mailDirectory)
    {
        _process = process;
        Port = port;
        _mailDirectory = mailDirectory;
    }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var port = FreePort();
        // Not created here: the Mailbox handler makes the maildir (tmp, new, cur) only when the
        // folder does not exist yet.
        var directory = Path.Combine(Path.GetTempPath(), $"ledger-smtp-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList =
            {
                "-m",
                "aiosmtpd",
                "-n",
                // SMTPUTF8: names and addresses in tests are not all ASCII.
                "-u",
                "-l",
                $"127.0.0.1:{port}",
                "-c",
                "aiosmtpd.handlers.Mailbox",
                directory,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process =
            Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sink = new SmtpSink(process, port, directory);
        await sink.WaitUntilListeningAsync();
        return sink;
    }

    /// <summary>The first message received for <paramref name="recipient"/>, waiting for it to arrive.</summary>
    public async Task<MimeMessage> MessageToAsync(string recipient)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            foreach (var message in Received())
            {
                if (
                    message.To.Mailboxes.Any(m =>
                        m.Address.Equals(recipient, StringComparison.OrdinalIgnoreCase)
                    )
                )
                {
                    return message;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No message arrived for the recipient.");
    }

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        var folder = Path.Combine(_mailDirectory, "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(file => MimeMessage.Load(file)).ToList()
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (Directory.Exists(_mailDirectory))
        {
            Directory.Delete(_mailDirectory, recursive: true);
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"aiosmtpd exited with {_process.ExitCode}: is python3-aiosmtpd installed?"
                );
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("aiosmtpd did not start listening.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
